package tw.gov.civitas.site;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.gov.civitas.api.Localization;
import tw.gov.civitas.core.content.ContentQueries;
import tw.gov.civitas.core.content.ContentQuery;
import tw.gov.civitas.core.content.ContentView;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;
import tw.gov.civitas.delivery.feeds.SiteFeeds;
import tw.gov.civitas.web.cache.CacheTags;

/**
 * Public HTML of every site: its home {@code /sites/<site>/}, items {@code /sites/<site>/<slug>},
 * lists {@code /sites/<site>/list/<type>}, search {@code /sites/<site>/search?q=}, the site map
 * {@code /sites/<site>/site-map} (網站導覽), feeds and plug-in modules' own pages ({@code
 * /sites/<site>/online/<module>/<name>}, {@link ModulePublicPages}), with {@code ?lang=en} for
 * English. Production domains reach here through {@link HostRouting}.
 */
@WebServlet(urlPatterns = "/sites/*")
public class SitePages extends HttpServlet {

  @Inject PageModules pageModules;
  @Inject SiteRepository sites;
  @Inject ContentQueries content;
  @Inject PageRenderer renderer;
  @Inject SiteFeeds feeds;
  @Inject ListPages listPages;
  @Inject ModulePublicPages modulePages;

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
    String slug = parts[1];
    if (ModulePublicPages.SLUG.equals(slug) && parts.length > 2) {
      modulePages.render(req, resp, s, lang, parts);
      return;
    }
    if (parts.length > 3 || (parts.length == 3 && !"list".equals(slug))) {
      page(resp, 404, s, lang, "not-found", Map.of(), null);
      return;
    }
    if (SiteManifest.SLUG.equals(slug)) { // the site's web app manifest
      SiteManifest.write(resp, s, lang);
      return;
    }
    if (FEEDS.containsKey(slug)) {
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
    if (slug.isEmpty()) {
      Map<String, Object> model = new HashMap<>();
      model.put("regions", pageModules.layout(s, "home", lang));
      page(resp, 200, s, lang, "site-home", model, "");
      return;
    }
    if ("list".equals(slug) || (parts.length == 3 && "list".equals(parts[1]))) {
      list(req, resp, s, lang, parts.length == 3 ? parts[2] : "");
      return;
    }
    if ("search".equals(slug)) {
      List<ListPages.FilterError> errors = new ArrayList<>();
      Map<String, Object> model = listPages.search(s, lang, errors);
      model.put("errors", errors);
      model.put("errorFields", errors.stream().map(ListPages.FilterError::field).toList());
      model.put("action", "/sites/" + siteKey + "/search");
      page(resp, errors.isEmpty() ? 200 : 400, s, lang, "search", model, "search");
      return;
    }
    if ("site-map".equals(slug)) {
      CacheTags.tag(req, CacheTags.lists(siteKey));
      Map<String, Object> model = new HashMap<>();
      model.put("types", ListPages.TYPES);
      model.put("pages", sitePages(s, lang));
      page(resp, 200, s, lang, "site-map", model, "site-map");
      return;
    }
    CacheTags.tag(req, CacheTags.item(siteKey, slug));
    Optional<ContentView> item = content.published(siteKey, slug);
    if (item.isEmpty()) {
      page(resp, 404, s, lang, "not-found", Map.of(), null);
      return;
    }
    // a page with a layout of its own is a section page: its modules around its text
    Map<String, List<String>> regions =
        "page".equals(item.get().type()) && s.getPageLayouts().containsKey(slug)
            ? pageModules.layout(s, slug, lang)
            : null;
    renderer.item(
        resp,
        s,
        item.get(),
        lang,
        ref -> {
          CacheTags.tag(req, CacheTags.item(siteKey, ref)); // the page shows its parent's title
          return content.published(siteKey, ref);
        },
        null,
        regions);
  }

  /** {@code /sites/<s>/list/<type>}: one type's list; {@code /sites/<s>/list/}: every type. */
  private void list(
      HttpServletRequest req, HttpServletResponse resp, Site s, String lang, String type)
      throws IOException {
    if (type.isEmpty()) {
      CacheTags.tag(req, CacheTags.lists(s.getKey()));
      page(resp, 200, s, lang, "list-index", Map.of("types", ListPages.TYPES), "list/");
      return;
    }
    java.util.Optional<tw.gov.civitas.spi.ContentTypeDescriptor> descriptor =
        listPages.listable(s, type);
    if (descriptor.isEmpty()) {
      page(resp, 404, s, lang, "not-found", Map.of(), null);
      return;
    }
    List<ListPages.FilterError> errors = new ArrayList<>();
    Map<String, Object> model = listPages.list(s, type, lang, errors);
    // a site template's own type is named by its declaration (built-in ones by the theme's texts)
    model.put(
        "typeName", "en".equals(lang) ? descriptor.get().nameEn() : descriptor.get().nameZh());
    model.put("errors", errors);
    model.put("errorFields", errors.stream().map(ListPages.FilterError::field).toList());
    page(resp, errors.isEmpty() ? 200 : 400, s, lang, "list", model, "list/" + type);
  }

  /** The site's published pages as a tree (parents first), for the site map. */
  private List<Map<String, Object>> sitePages(Site s, String lang) {
    List<ContentView> pages =
        content
            .find(
                new ContentQuery(
                    List.of(s.getKey()), null, null, null, null, "publishedAt", 1, 100),
                "core::page")
            .items();
    Map<String, List<Map<String, Object>>> children = new HashMap<>();
    List<Map<String, Object>> roots = new ArrayList<>();
    Map<String, Map<String, Object>> bySlug = new HashMap<>();
    for (ContentView p : pages) {
      Map<String, Object> entry = new HashMap<>();
      entry.put("title", PageRenderer.title(p, lang, s.getDefaultLanguage()));
      entry.put(
          "href", "/sites/" + s.getKey() + "/" + p.slug() + ("en".equals(lang) ? "?lang=en" : ""));
      entry.put("children", new ArrayList<Map<String, Object>>());
      bySlug.put(p.slug(), entry);
    }
    for (ContentView p : pages) {
      String parent = PageRenderer.text(p.fields(), "parent");
      Map<String, Object> entry = bySlug.get(p.slug());
      if (parent != null && bySlug.containsKey(parent) && !parent.equals(p.slug())) {
        children.computeIfAbsent(parent, k -> new ArrayList<>()).add(entry);
      } else {
        roots.add(entry);
      }
    }
    children.forEach(
        (parent, list) -> {
          @SuppressWarnings("unchecked")
          List<Map<String, Object>> kids =
              (List<Map<String, Object>>) bySlug.get(parent).get("children");
          kids.addAll(list);
        });
    return roots;
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
