package tw.gov.civitas.web.cache;

import java.util.List;
import java.util.Map;

/**
 * A public 200 response kept for the next reader: its bytes, the headers to replay, and the
 * versions its cache tags had when it was stored (a changed version means stale).
 */
public record CachedResponse(
    byte[] body,
    String etag,
    List<Map.Entry<String, String>> headers,
    Map<String, Long> tagVersions) {}
