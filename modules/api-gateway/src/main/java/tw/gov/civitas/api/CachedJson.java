package tw.gov.civitas.api;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import tw.gov.civitas.web.cache.PublicCaching;
import tw.gov.civitas.web.http.EntityTags;

/**
 * Public JSON with a strong ETag over the exact bytes, so clients revalidate with a cheap 304, and
 * the public caching policy ({@link PublicCaching}) for signed-in readers too.
 */
public final class CachedJson {

  private CachedJson() {}

  public static Response respond(Request request, String json, Instant lastModified) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    EntityTag tag = new EntityTag(EntityTags.hash(bytes));
    String cacheControl = PublicCaching.cacheControl();
    Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
    if (notModified != null) {
      return notModified.header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }
    Response.ResponseBuilder ok =
        Response.ok(bytes, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
            .tag(tag)
            .header(HttpHeaders.CACHE_CONTROL, cacheControl)
            .header("Content-Length", bytes.length);
    if (lastModified != null) {
      ok.lastModified(Date.from(lastModified));
    }
    return ok.build();
  }
}
