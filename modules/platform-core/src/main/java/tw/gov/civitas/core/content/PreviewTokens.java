package tw.gov.civitas.core.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring preview links: {@code <payload>.<HMAC-SHA256>}, the payload naming the site, the
 * item (its id as well as its slug, so a link dies with the item even if the slug is reused), the
 * revision and the expiry. The key comes from {@code CIVITAS_PREVIEW_SECRET} (32+ characters, the
 * same on every node of a cluster); unset, each start makes a random key, so links die with a
 * restart. A shorter secret fails the deployment: silently signing with something else would break
 * links across nodes and hide a weak key.
 */
@ApplicationScoped
public class PreviewTokens {

  private static final Logger LOG = Logger.getLogger(PreviewTokens.class.getName());
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  public static final String SECRET_VARIABLE = "CIVITAS_PREVIEW_SECRET";
  static final int MIN_SECRET_LENGTH = 32;

  /** What a valid link grants: reading one item (by identity) of one site at one revision. */
  public record Grant(String siteKey, long itemId, String slug, int revision, Instant expiresAt) {}

  private final byte[] key;

  public PreviewTokens() {
    this(System.getenv(SECRET_VARIABLE));
  }

  /** With the given secret; null or empty means a random key. */
  PreviewTokens(String configuredSecret) {
    this.key = key(configuredSecret);
  }

  /** Creating this bean checks the secret: at deployment, not at the first preview. */
  void checkConfiguration(@Observes @Initialized(ApplicationScoped.class) Object started) {
    // the constructor has run by now
  }

  private static byte[] key(String configured) {
    if (configured != null && !configured.isEmpty()) {
      if (configured.length() < MIN_SECRET_LENGTH) {
        throw new IllegalStateException(
            SECRET_VARIABLE
                + " is set but has "
                + configured.length()
                + " characters; it needs at least "
                + MIN_SECRET_LENGTH
                + " (or leave it unset for a random per-start key)");
      }
      return configured.getBytes(StandardCharsets.UTF_8);
    }
    LOG.warning(
        SECRET_VARIABLE
            + " is not set: preview links use a random key, valid until this node restarts");
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return random;
  }

  public String sign(Grant grant) {
    String payload =
        B64.encodeToString(
            (grant.siteKey()
                    + "|"
                    + grant.itemId()
                    + "|"
                    + grant.slug()
                    + "|"
                    + grant.revision()
                    + "|"
                    + grant.expiresAt().getEpochSecond())
                .getBytes(StandardCharsets.UTF_8));
    return payload + "." + B64.encodeToString(mac(payload));
  }

  /** The grant of a genuine, unexpired token; empty for anything else. */
  public Optional<Grant> verify(String token, Instant now) {
    if (token == null || token.length() > 600) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    String payload = token.substring(0, dot);
    byte[] signature;
    try {
      signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!MessageDigest.isEqual(signature, mac(payload))) {
      return Optional.empty();
    }
    String[] parts =
        new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\\|");
    if (parts.length != 5) {
      return Optional.empty(); // links signed before grants named the item's id, among others
    }
    Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[4]));
    if (!now.isBefore(expires)) {
      return Optional.empty();
    }
    return Optional.of(
        new Grant(
            parts[0], Long.parseLong(parts[1]), parts[2], Integer.parseInt(parts[3]), expires));
  }

  private byte[] mac(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
