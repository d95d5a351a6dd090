package tw.gov.civitas.web.http;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Content codings of text the public WAR keeps in memory (cached responses, theme assets): which
 * bodies are worth compressing, compressing them once, and choosing per request the coding the
 * reader accepts (RFC 9110 §12.5.3: {@code br} over {@code gzip} over identity at equal quality).
 */
public final class ContentCodings {

  /** How a stored body is sent; {@code token} is the Content-Encoding value (null: none). */
  public enum Coding {
    BR("br"),
    GZIP("gzip"),
    IDENTITY(null);

    public final String token;

    Coding(String token) {
      this.token = token;
    }

    /**
     * The entity tag of this coding's bytes, derived from the identity tag: each coding is a
     * different representation, so a cache or a browser must not take one for the other.
     */
    public String etag(String identityEtag) {
      if (token == null || identityEtag == null || !identityEtag.endsWith("\"")) {
        return identityEtag;
      }
      return identityEtag.substring(0, identityEtag.length() - 1) + "-" + token + "\"";
    }
  }

  /** Below this a body fits one packet anyway: compressing it saves nothing worth the Vary. */
  public static final int MIN_SIZE = 1024;

  private static final Logger LOG = Logger.getLogger(ContentCodings.class.getName());
  private static final boolean BROTLI = loadBrotli();

  private ContentCodings() {}

  private static boolean loadBrotli() {
    try {
      Brotli4jLoader.ensureAvailability();
      return true;
    } catch (Throwable e) { // UnsatisfiedLinkError on a platform without the native library
      LOG.log(Level.WARNING, "Brotli is unavailable, text is compressed with gzip only", e);
      return false;
    }
  }

  /** Whether brotli's native library loaded here. */
  public static boolean brotliAvailable() {
    return BROTLI;
  }

  /** Text worth compressing: images, fonts, archives and media are compressed already. */
  public static boolean compressible(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    int semicolon = type.indexOf(';');
    if (semicolon >= 0) {
      type = type.substring(0, semicolon);
    }
    type = type.strip();
    return type.startsWith("text/")
        || type.equals("application/json")
        || type.equals("application/javascript")
        || type.equals("application/xml")
        || type.equals("image/svg+xml")
        || type.equals("image/x-icon")
        || type.endsWith("+json")
        || type.endsWith("+xml");
  }

  /** The body gzip-compressed at the best level: done once, when the body is stored. */
  public static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
    try (GZIPOutputStream gz =
        new GZIPOutputStream(out, 8192) {
          {
            def.setLevel(Deflater.BEST_COMPRESSION);
          }
        }) {
      gz.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * The body brotli-compressed for text at {@code quality} (0–11), or null when brotli is
   * unavailable here.
   */
  public static byte[] brotli(byte[] body, int quality) {
    if (!BROTLI) {
      return null;
    }
    try {
      return Encoder.compress(
          body, new Encoder.Parameters().setQuality(quality).setMode(Encoder.Mode.TEXT));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The coding to send for an {@code Accept-Encoding} header, among those stored: the highest
   * quality wins, ties go to br, then gzip, then identity; {@code q=0} refuses a coding, and {@code
   * *} stands for every coding not named. Identity not named is acceptable but comes last. Without
   * the header, identity. When the reader refuses everything stored, identity all the same (RFC
   * 9110 allows it rather than a 406).
   */
  public static Coding choose(String acceptEncoding, boolean haveBr, boolean haveGzip) {
    if (acceptEncoding == null || acceptEncoding.isBlank() || (!haveBr && !haveGzip)) {
      return Coding.IDENTITY;
    }
    float br = -1;
    float gzip = -1;
    float identity = -1;
    float star = -1;
    for (String element : acceptEncoding.split(",")) {
      String[] parts = element.split(";");
      String name = parts[0].strip().toLowerCase(Locale.ROOT);
      float q = 1;
      for (int i = 1; i < parts.length; i++) {
        String param = parts[i].strip();
        if (param.length() > 2 && (param.charAt(0) == 'q' || param.charAt(0) == 'Q')) {
          int eq = param.indexOf('=');
          if (eq > 0 && param.substring(0, eq).strip().equalsIgnoreCase("q")) {
            try {
              q = Math.max(0, Math.min(1, Float.parseFloat(param.substring(eq + 1).strip())));
            } catch (NumberFormatException e) {
              q = 0; // a quality we cannot read is not a yes
            }
          }
        }
      }
      switch (name) {
        case "br" -> br = Math.max(br, q);
        case "gzip", "x-gzip" -> gzip = Math.max(gzip, q);
        case "identity" -> identity = Math.max(identity, q);
        case "*" -> star = Math.max(star, q);
        default -> {}
      }
    }
    if (br < 0) {
      br = Math.max(star, 0);
    }
    if (gzip < 0) {
      gzip = Math.max(star, 0);
    }
    if (identity < 0) {
      // acceptable unless refused (by name or by *;q=0), but below any coding the reader named
      identity = star == 0 ? 0 : 0.0001f;
    }
    if (!haveBr) {
      br = 0;
    }
    if (!haveGzip) {
      gzip = 0;
    }
    if (br > 0 && br >= gzip && br >= identity) {
      return Coding.BR;
    }
    if (gzip > 0 && gzip >= identity) {
      return Coding.GZIP;
    }
    return Coding.IDENTITY;
  }
}
