package tw.gov.civitas.core.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures in the Standard Webhooks scheme (standardwebhooks.com), so that receivers can use its
 * libraries: header {@value #ID_HEADER} (the same on every retry of one delivery), {@value
 * #TIMESTAMP_HEADER} (Unix seconds of this attempt) and {@value #SIGNATURE_HEADER} {@code
 * v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">}. The secret is {@code whsec_<base64 key>};
 * the HMAC key is the base64-decoded part. Because the id and the time are signed, a receiver that
 * refuses old timestamps and ids it has seen cannot be fed a captured delivery again.
 */
public final class WebhookSignature {

  public static final String ID_HEADER = "webhook-id";
  public static final String TIMESTAMP_HEADER = "webhook-timestamp";
  public static final String SIGNATURE_HEADER = "webhook-signature";

  /**
   * How far a receiver should let a timestamp be from its own clock (the scheme's recommendation).
   */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private static final String SECRET_PREFIX = "whsec_";

  private WebhookSignature() {}

  /** A new secret: 32 random bytes. */
  static String newSecret(SecureRandom random) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The {@value #SIGNATURE_HEADER} value for one attempt. */
  public static String sign(String secret, String id, long timestamp, String body) {
    return "v1," + Base64.getEncoder().encodeToString(mac(secret, id, timestamp, body));
  }

  /**
   * What a receiver checks: the timestamp is within {@link #TOLERANCE} of {@code now} and one of
   * the space-separated {@code v1,} signatures matches (compared in constant time).
   */
  public static boolean verify(
      String secret, String id, String timestamp, String signatures, String body, Instant now) {
    if (secret == null || id == null || timestamp == null || signatures == null || body == null) {
      return false;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
      return false;
    }
    byte[] expected = mac(secret, id, seconds, body);
    for (String candidate : signatures.split(" ")) {
      if (!candidate.startsWith("v1,")) {
        continue;
      }
      byte[] given;
      try {
        given = Base64.getDecoder().decode(candidate.substring(3));
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (MessageDigest.isEqual(expected, given)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] mac(String secret, String id, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
      return mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * As the scheme's libraries read a secret: the optional {@code whsec_} prefix dropped, the rest
   * base64-decoded. (Secrets issued before this scheme are 48 hex characters, which decode too.)
   */
  static byte[] key(String secret) {
    String encoded =
        secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
    return Base64.getDecoder().decode(encoded);
  }
}
