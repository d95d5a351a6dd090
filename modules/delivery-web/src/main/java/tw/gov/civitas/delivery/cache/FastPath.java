package tw.gov.civitas.delivery.cache;

import io.undertow.server.HandlerWrapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import jakarta.servlet.ServletContext;
import tw.gov.civitas.security.TrustedProxies;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Answers cache hits for public GETs on Undertow's IO thread, before servlet dispatch: the measured
 * cost of a hit drops from ~35 µs (JAX-RS) to ~9 µs. Misses, and anything not plainly public, go
 * on to the servlet chain unchanged, where {@link CachingFilter} stores what it may.
 */
public class FastPath implements ServletExtension {

  /** Set by {@link DeliveryCache} when the application starts; null means pass everything through. */
  static volatile DeliveryCache cache;

  private static final HttpString IF_NONE_MATCH = Headers.IF_NONE_MATCH;

  @Override
  public void handleDeployment(DeploymentInfo deploymentInfo, ServletContext servletContext) {
    deploymentInfo.addInitialHandlerChainWrapper(new HandlerWrapper() {
      @Override
      public HttpHandler wrap(HttpHandler next) {
        return exchange -> serve(exchange, next);
      }
    });
  }

  static void serve(HttpServerExchange exchange, HttpHandler next) throws Exception {
    TrustedProxies.apply(exchange); // the real client address and scheme, before anything reads them
    DeliveryCache c = cache;
    if (c == null || !CachingFilter.cacheable(exchange.getRequestMethod().equals(Methods.GET),
        exchange.getRequestURI(), exchange.getRequestHeaders().contains(Headers.AUTHORIZATION))) {
      next.handleRequest(exchange);
      return;
    }
    CachedResponse hit = c.get(CachingFilter.key(exchange.getRequestHeaders().getFirst(Headers.HOST), exchange.getRequestURI(),
        exchange.getQueryString()));
    if (hit == null) {
      next.handleRequest(exchange);
      return;
    }
    var out = exchange.getResponseHeaders();
    for (Map.Entry<String, String> h : hit.headers()) {
      out.add(HttpString.tryFromString(h.getKey()), h.getValue());
    }
    String inm = exchange.getRequestHeaders().getFirst(IF_NONE_MATCH);
    if (inm != null && inm.contains(hit.etag())) {
      exchange.setStatusCode(304);
      exchange.endExchange();
      return;
    }
    out.put(Headers.CONTENT_LENGTH, hit.body().length);
    exchange.getResponseSender().send(ByteBuffer.wrap(hit.body()));
  }
}
