package tw.gov.civitas.web.http;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import tw.gov.civitas.security.CallerFactory;
import tw.gov.civitas.security.RateLimiter;

/**
 * Limits what floods and guessing feed on: writes to the API (per user, or per address when
 * anonymous) and preview-link lookups (per address). Over the limit: 429 with Retry-After.
 */
public class RateLimits extends HttpFilter {

  private final RateLimiter writes = new RateLimiter(limit("writes-per-minute", 300), 60_000);
  private final RateLimiter previews = new RateLimiter(limit("previews-per-minute", 60), 60_000);

  /**
   * {@code -Dcivitas.rate-limit.<name>}, else {@code CIVITAS_RATE_LIMIT_<NAME>}, else the default.
   */
  static int limit(String name, int fallback) {
    String env =
        System.getenv(
            "CIVITAS_RATE_LIMIT_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    return Integer.getInteger(
        "civitas.rate-limit." + name, env == null ? fallback : Integer.parseInt(env.strip()));
  }

  @Inject CallerFactory callers;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI();
    long wait = 0;
    if (path.startsWith("/preview/")) {
      wait = previews.acquire(req.getRemoteAddr(), System.currentTimeMillis());
    } else if (path.startsWith("/api/")
        && !"GET".equals(req.getMethod())
        && !"HEAD".equals(req.getMethod())) {
      String who =
          callers.current().map(c -> "user:" + c.username()).orElse("addr:" + req.getRemoteAddr());
      wait = writes.acquire(who, System.currentTimeMillis());
    }
    if (wait > 0) {
      resp.setHeader("Retry-After", String.valueOf(wait));
      Problems.write(
          resp,
          429,
          "too-many-requests",
          "Too many requests",
          "Try again in " + wait + " seconds.");
      return;
    }
    chain.doFilter(req, resp);
  }
}
