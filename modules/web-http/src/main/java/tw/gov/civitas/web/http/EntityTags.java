package tw.gov.civitas.web.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The one entity-tag hash for everything the public WAR serves (JSON resources and cached pages),
 * below both the API and the response cache so that neither depends on the other for it.
 */
public final class EntityTags {

  private EntityTags() {}

  /** A strong entity tag for exactly these bytes (unquoted): SHA-256, base64url, 27 characters. */
  public static String hash(byte[] bytes) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 27);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
