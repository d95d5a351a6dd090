package tw.gov.civitas.core.content;

import jakarta.enterprise.context.ApplicationScoped;
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
 * Signed, expiring preview links: {@code <payload>.<HMAC-SHA256>}, the payload naming the site,
 * item, revision and expiry. The key comes from {@code CIVITAS_PREVIEW_SECRET} (the same on every
 * node of a cluster); without it each start makes a random key, so links die with a restart.
 */
@ApplicationScoped
public class PreviewTokens {

  private static final Logger LOG = Logger.getLogger(PreviewTokens.class.getName());
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  /** What a valid link grants: reading one item of one site at one revision. */
  public record Grant(String siteKey, String slug, int revision, Instant expiresAt) {}

  private final byte[] key = key();

  private static byte[] key() {
    String configured = System.getenv("CIVITAS_PREVIEW_SECRET");
    if (configured != null && configured.length() >= 32) {
      return configured.getBytes(StandardCharsets.UTF_8);
    }
    LOG.warning("CIVITAS_PREVIEW_SECRET is not set (32+ characters): preview links use a per-start random key");
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return random;
  }

  public String sign(Grant grant) {
    String payload = B64.encodeToString((grant.siteKey() + "|" + grant.slug() + "|" + grant.revision() + "|"
        + grant.expiresAt().getEpochSecond()).getBytes(StandardCharsets.UTF_8));
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
    String[] parts = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\\|");
    if (parts.length != 4) {
      return Optional.empty();
    }
    Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[3]));
    if (!now.isBefore(expires)) {
      return Optional.empty();
    }
    return Optional.of(new Grant(parts[0], parts[1], Integer.parseInt(parts[2]), expires));
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
