package tw.gov.civitas.site;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import tw.gov.civitas.api.Localization;
import tw.gov.civitas.core.content.ContentQueries;
import tw.gov.civitas.core.content.ContentView;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;
import tw.gov.civitas.delivery.feeds.SiteFeeds;
import tw.gov.civitas.web.cache.CacheTags;

/**
 * Public HTML of every site: {@code /sites/<site>/} and {@code /sites/<site>/<slug>}, with {@code
 * ?lang=en} for the English translation. Production domains reach here through {@link HostRouting}.
 */
@WebServlet(urlPatterns = "/sites/*")
public class SitePages extends HttpServlet {

  @Inject PageModules pageModules;
  @Inject SiteRepository sites;
  @Inject ContentQueries content;
  @Inject PageRenderer renderer;
  @Inject SiteFeeds feeds;

  /** Machine-readable companions of every site. */
  private static final Map<String, String> FEEDS =
      Map.of("sitemap.xml", "sitemap", "feed.rss", "rss_2.0", "feed.atom", "atom_1.0");

  private static final Map<String, String> CONTENT_TYPES =
      Map.of(
          "sitemap.xml",
          "application/xml;charset=UTF-8",
          "feed.rss",
          "application/rss+xml;charset=UTF-8",
          "feed.atom",
          "application/atom+xml;charset=UTF-8");

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
    String[] parts = path.substring(1).split("/", -1);
    String siteKey = parts[0];
    // Every page shows the site's name; tagged before the site is read (see CacheTags).
    CacheTags.tag(req, CacheTags.site(siteKey));
    Optional<Site> site = siteKey.isEmpty() ? Optional.empty() : sites.findByKey(siteKey);
    if (site.isEmpty()) {
      resp.sendError(404);
      return;
    }
    if (parts.length == 1) {
      resp.sendRedirect(req.getContextPath() + "/sites/" + siteKey + "/");
      return;
    }
    Site s = site.get();
    String lang = Localization.resolve(req.getParameter("lang"), s.getDefaultLanguage());
    String slug = parts.length == 2 ? parts[1] : null;
    if (parts.length > 2) {
      page(resp, 404, s, lang, "not-found", Map.of(), null);
      return;
    }
    if (SiteManifest.SLUG.equals(slug)) { // the web app manifest (assets helper): SiteManifest
      SiteManifest.write(resp, s, lang);
      return;
    }
    if (slug != null && FEEDS.containsKey(slug)) {
      if ("sitemap.xml".equals(slug)) {
        CacheTags.tag(req, CacheTags.lists(siteKey));
      } else {
        SiteFeeds.FEED_TYPES.forEach(
            type -> CacheTags.tag(req, CacheTags.listsOfType(siteKey, type)));
      }
      String origin = tw.gov.civitas.web.http.Origins.of(req);
      String body =
          "sitemap.xml".equals(slug)
              ? feeds.sitemap(s, origin)
              : feeds.feed(s, origin, FEEDS.get(slug), lang);
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      resp.setContentType(CONTENT_TYPES.get(slug));
      resp.setContentLength(bytes.length);
      resp.getOutputStream().write(bytes);
      return;
    }
    if (slug == null || slug.isEmpty()) {
      page(
          resp,
          200,
          s,
          lang,
          "site-home",
          Map.of("pageModules", pageModules.render(s, tw.gov.civitas.spi.PageRegion.HOME, lang)),
          "");
      return;
    }
    CacheTags.tag(req, CacheTags.item(siteKey, slug));
    Optional<ContentView> item = content.published(siteKey, slug);
    if (item.isEmpty()) {
      page(resp, 404, s, lang, "not-found", Map.of(), null);
      return;
    }
    renderer.item(
        resp,
        s,
        item.get(),
        lang,
        ref -> {
          CacheTags.tag(req, CacheTags.item(siteKey, ref)); // the page shows its parent's title
          return content.published(siteKey, ref);
        },
        null);
  }

  private void page(
      HttpServletResponse resp,
      int status,
      Site site,
      String lang,
      String template,
      Map<String, Object> model,
      String slug)
      throws IOException {
    renderer.page(resp, status, site, lang, template, model, slug);
  }
}
