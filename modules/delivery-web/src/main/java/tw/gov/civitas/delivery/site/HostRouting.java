package tw.gov.civitas.delivery.site;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;

/**
 * Serves a site at its own domain: a request whose Host is one of a site's domains
 * ({@code traffic.taichung.gov.tw}, or {@code transportation.localhost} locally) gets that site's
 * pages at the root, e.g. {@code /road-works} is {@code /sites/transportation/road-works}.
 */
public class HostRouting extends HttpFilter {

  private static final long TTL_MILLIS = 30_000;

  private record Entry(String siteKey, long expires) {}

  private final Map<String, Entry> byHost = new ConcurrentHashMap<>();

  @Inject SiteRepository sites;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    if (path.startsWith("/api/") || path.startsWith("/sites/") || path.startsWith("/themes/")
        || path.startsWith("/openapi")) {
      chain.doFilter(req, resp);
      return;
    }
    String host = req.getServerName() == null ? "" : req.getServerName().toLowerCase(Locale.ROOT);
    String siteKey = siteFor(host);
    if (siteKey == null) {
      chain.doFilter(req, resp);
      return;
    }
    req.getRequestDispatcher("/sites/" + siteKey + (path.isEmpty() ? "/" : path)).forward(req, resp);
  }

  private String siteFor(String host) {
    long now = System.currentTimeMillis();
    Entry e = byHost.get(host);
    if (e == null || e.expires() < now) {
      Optional<Site> site = sites.findByDomain(host);
      e = new Entry(site.map(Site::getKey).orElse(null), now + TTL_MILLIS);
      if (byHost.size() > 10_000) {
        byHost.clear(); // unbounded Host headers must not grow memory without limit
      }
      byHost.put(host, e);
    }
    return e.siteKey();
  }
}
