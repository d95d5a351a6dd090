package tw.gov.civitas.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tw.gov.civitas.core.content.ContentQueries;
import tw.gov.civitas.core.content.ContentQuery;
import tw.gov.civitas.core.content.ContentView;
import tw.gov.civitas.core.menu.MenuService;
import tw.gov.civitas.core.pagemodule.ContactCard;
import tw.gov.civitas.core.pagemodule.PublishedItems;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.web.cache.CacheTags;

/**
 * What every page of a site shows around its content: the main navigation and the footer links from
 * the site's menus, the agency's contact in the footer, the date the site last changed, and whether
 * it holds demonstration data.
 */
@ApplicationScoped
public class SiteChrome {

  /** The tag the demo seeder puts on demonstration content. */
  static final String DEMO_TAG = "demo";

  @Inject MenuService menus;
  @Inject ContentQueries content;
  @Inject ContactCard contacts;
  @Inject HttpServletRequest request;

  /** Adds {@code mainMenu}, {@code footerMenu}, {@code contact}, {@code updated}, {@code demo}. */
  public void addTo(Map<String, Object> m, Site site, String lang) {
    String key = site.getKey();
    CacheTags.tag(
        request,
        CacheTags.menu(key, "main"),
        CacheTags.menu(key, "footer"),
        CacheTags.lists(key)); // the update date and the contact change with any publication
    m.put("mainMenu", menu(key, "main", lang));
    m.put("footerMenu", menu(key, "footer", lang));
    contacts.contact(key, null).ifPresent(c -> m.put("contact", contacts.details(c, lang)));
    List<ContentView> newest =
        content
            .find(new ContentQuery(List.of(key), null, null, null, null, "-updatedAt", 1, 1), null)
            .items();
    Map<String, Object> updated = new HashMap<>();
    PublishedItems.putDate(
        updated, "updated", newest.isEmpty() ? site.getCreatedAt() : newest.get(0).updatedAt());
    m.put("updated", updated);
    m.putIfAbsent(
        "demo",
        !content
            .find(new ContentQuery(List.of(key), null, DEMO_TAG, null, null, null, 1, 1), null)
            .items()
            .isEmpty());
  }

  /** A menu's entries in one language: label, address, children; {@code current} on this page. */
  List<Map<String, Object>> menu(String siteKey, String menuKey, String lang) {
    return menus
        .menu(siteKey, menuKey)
        .map(menu -> entries(MenuService.parse(menu.getEntries()), siteKey, lang))
        .orElse(List.of());
  }

  private List<Map<String, Object>> entries(JsonArray entries, String siteKey, String lang) {
    List<Map<String, Object>> out = new ArrayList<>();
    String here = request.getRequestURI();
    for (JsonObject e : entries.getValuesAs(JsonObject.class)) {
      Map<String, Object> entry = new HashMap<>();
      entry.put("label", PublishedItems.text(e, "label", lang));
      String href =
          e.get("item") instanceof JsonString item
              ? "/sites/" + siteKey + "/" + item.getString()
              : e.getString("url", "#");
      entry.put("current", href.equals(here));
      entry.put("href", localized(href, lang));
      entry.put(
          "children",
          e.get("children") instanceof JsonArray children
              ? entries(children, siteKey, lang)
              : List.of());
      out.add(entry);
    }
    return out;
  }

  /** A link to one of the platform's sites, in the page's language; other links as they are. */
  static String localized(String href, String lang) {
    if (!"en".equals(lang) || !href.startsWith("/sites/") || href.contains("lang=")) {
      return href;
    }
    int hash = href.indexOf('#');
    String path = hash < 0 ? href : href.substring(0, hash);
    String fragment = hash < 0 ? "" : href.substring(hash);
    return path + (path.contains("?") ? "&" : "?") + "lang=en" + fragment;
  }
}
