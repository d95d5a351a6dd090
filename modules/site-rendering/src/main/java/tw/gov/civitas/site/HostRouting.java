package tw.gov.civitas.site;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Serves a site at its own domain: a request whose Host is one of a site's domains ({@code
 * traffic.taichung.gov.tw}, or {@code transportation.localhost} locally) gets that site's pages at
 * the root, e.g. {@code /road-works} is {@code /sites/transportation/road-works}.
 */
public class HostRouting extends HttpFilter {

  @Inject SiteDomains domains;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    if (path.startsWith("/api/")
        || path.startsWith("/sites/")
        || path.startsWith("/themes/")
        || path.equals("/favicon.ico") // one for every domain: ThemeAssets
        || path.startsWith("/media/")
        || path.startsWith("/openapi")) {
      chain.doFilter(req, resp);
      return;
    }
    String host = req.getServerName() == null ? "" : req.getServerName().toLowerCase(Locale.ROOT);
    Optional<String> siteKey = domains.siteFor(host);
    if (siteKey.isEmpty()) {
      chain.doFilter(req, resp);
      return;
    }
    req.getRequestDispatcher("/sites/" + siteKey.get() + (path.isEmpty() ? "/" : path))
        .forward(req, resp);
  }
}
