package tw.gov.civitas.web.cache;

import java.util.List;
import java.util.Map;
import tw.gov.civitas.web.http.ContentCodings;
import tw.gov.civitas.web.http.ContentCodings.Coding;

/**
 * A public 200 response kept for the next reader: its bytes, the headers to replay (the entity tag
 * apart: it differs per coding), the versions its cache tags had when it was stored (a changed
 * version means stale), and the same bytes compressed once at store time ({@code gzip}, {@code
 * brotli}: null when the body is not text or too small to gain).
 */
public record CachedResponse(
    byte[] body,
    String etag,
    List<Map.Entry<String, String>> headers,
    Map<String, Long> tagVersions,
    byte[] gzip,
    byte[] brotli) {

  /** Whether the response varies by Accept-Encoding. */
  public boolean compressed() {
    return gzip != null || brotli != null;
  }

  /** The coding to send to a reader with this Accept-Encoding. */
  public Coding coding(String acceptEncoding) {
    return ContentCodings.choose(acceptEncoding, brotli != null, gzip != null);
  }

  public byte[] body(Coding coding) {
    return switch (coding) {
      case BR -> brotli;
      case GZIP -> gzip;
      case IDENTITY -> body;
    };
  }

  public String etag(Coding coding) {
    return coding.etag(etag);
  }
}
