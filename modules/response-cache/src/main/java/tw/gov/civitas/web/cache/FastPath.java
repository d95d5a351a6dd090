package tw.gov.civitas.web.cache;

import io.undertow.server.HandlerWrapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import jakarta.servlet.ServletContext;
import java.nio.ByteBuffer;
import java.util.Map;
import tw.gov.civitas.security.TrustedProxies;
import tw.gov.civitas.web.http.ContentCodings.Coding;
import tw.gov.civitas.web.http.SecurityHeaders;

/**
 * Answers cache hits for public GETs (and HEADs) on Undertow's IO thread, before servlet dispatch:
 * the measured cost of a hit drops from ~35 µs (JAX-RS) to ~9 µs. Misses, and anything not plainly
 * public, go on to the servlet chain unchanged, where {@link CachingFilter} stores what it may. A
 * hit carries the same security headers as a miss ({@link SecurityHeaders}, HSTS on https) and
 * {@code X-Civitas-Cache: hit}, in the coding the reader accepts (stored compressed, so a hit
 * compresses nothing).
 */
public class FastPath implements ServletExtension {

  /**
   * Set by {@link DeliveryCache} when the application starts; null means pass everything through.
   */
  static volatile DeliveryCache cache;

  private static final HttpString CACHE_STATUS = new HttpString(CachingFilter.CACHE_STATUS);

  @Override
  public void handleDeployment(DeploymentInfo deploymentInfo, ServletContext servletContext) {
    deploymentInfo.addInitialHandlerChainWrapper(
        new HandlerWrapper() {
          @Override
          public HttpHandler wrap(HttpHandler next) {
            return exchange -> serve(exchange, next);
          }
        });
  }

  static void serve(HttpServerExchange exchange, HttpHandler next) throws Exception {
    TrustedProxies.apply(
        exchange); // the real client address and scheme, before anything reads them
    DeliveryCache c = cache;
    HeaderMap in = exchange.getRequestHeaders();
    boolean head = exchange.getRequestMethod().equals(Methods.HEAD);
    if (c == null
        || !CachingFilter.cacheable(
            head || exchange.getRequestMethod().equals(Methods.GET),
            exchange.getRequestURI(),
            in.contains(Headers.AUTHORIZATION))) {
      next.handleRequest(exchange);
      return;
    }
    // the same scheme and Host as the servlet request's (getScheme() is the exchange's request
    // scheme)
    CachedResponse hit =
        c.get(
            CachingFilter.key(
                exchange.getRequestScheme(),
                in.getFirst(Headers.HOST),
                exchange.getRequestURI(),
                exchange.getQueryString()));
    if (hit == null) {
      next.handleRequest(exchange);
      return;
    }
    HeaderMap out = exchange.getResponseHeaders();
    SecurityHeaders.apply(
        exchange.isSecure(), (name, value) -> out.put(HttpString.tryFromString(name), value));
    for (Map.Entry<String, String> h : hit.headers()) {
      out.add(HttpString.tryFromString(h.getKey()), h.getValue());
    }
    out.put(CACHE_STATUS, "hit");
    Coding coding = hit.coding(in.getFirst(Headers.ACCEPT_ENCODING));
    String etag = hit.etag(coding);
    out.put(Headers.ETAG, etag);
    if (hit.compressed()) {
      out.put(Headers.VARY, Headers.ACCEPT_ENCODING_STRING);
    }
    if (CachingFilter.notModified(in.getFirst(Headers.IF_NONE_MATCH), etag)) {
      exchange.setStatusCode(304);
      exchange.endExchange();
      return;
    }
    if (coding.token != null) {
      out.put(Headers.CONTENT_ENCODING, coding.token);
    }
    byte[] body = hit.body(coding);
    out.put(Headers.CONTENT_LENGTH, body.length);
    if (head) {
      exchange.endExchange(); // the headers of the GET, no body
      return;
    }
    exchange.getResponseSender().send(ByteBuffer.wrap(body));
  }
}
