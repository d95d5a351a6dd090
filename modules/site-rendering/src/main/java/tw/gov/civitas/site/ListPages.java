package tw.gov.civitas.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tw.gov.civitas.core.content.ContentLists;
import tw.gov.civitas.core.content.ContentPage;
import tw.gov.civitas.core.content.ContentQuery;
import tw.gov.civitas.core.content.ContentView;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.pagemodule.PublishedItems;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.web.cache.CacheTags;

/**
 * The models of a site's list pages (one type, paged, filtered by category and date) and search
 * results (one site or all). A caller's bad filter is a message next to the form, not an error
 * page.
 */
@ApplicationScoped
public class ListPages {

  /** The built-in types a site lists, in the order the list index shows them. */
  static final List<String> TYPES =
      List.of("news", "announcement", "event", "faq", "download", "page", "link", "contact");

  static final int PAGE_SIZE = 10;

  @Inject ContentLists lists;
  @Inject PublishedItems items;
  @Inject HttpServletRequest request;

  @Inject tw.gov.civitas.core.module.Platform platform;

  /**
   * The type a list page may show on this site: a built-in one, or one a module or the site's
   * template declares that the site has.
   */
  public java.util.Optional<tw.gov.civitas.spi.ContentTypeDescriptor> listable(
      Site site, String type) {
    if (!type.matches("[a-z][a-z0-9-]{0,63}")) {
      return java.util.Optional.empty();
    }
    var registry = platform.registry();
    return registry
        .contentType(type)
        .filter(t -> registry.enabledOn(site.getEnabledModules(), t.moduleId()));
  }

  /** A filter a citizen set that cannot be used, with the field it belongs to. */
  public record FilterError(String field, String messageKey) {}

  /** The list page of one type; {@code errors} collects filters that could not be read. */
  public Map<String, Object> list(Site site, String type, String lang, List<FilterError> errors) {
    String key = site.getKey();
    CacheTags.tag(request, CacheTags.listsOfType(key, type));
    int page = page(errors);
    String category = blankToNull(request.getParameter("category"));
    Instant from = date("from", errors, 0);
    Instant to = date("to", errors, 1);
    if (from != null && to != null && !from.isBefore(to)) {
      errors.add(new FilterError("to", "filterToBeforeFrom"));
      to = null;
    }
    if (category != null && category.length() > 100) {
      errors.add(new FilterError("category", "filterCategoryTooLong"));
      category = null;
    }
    if (category != null) {
      CacheTags.tag(request, CacheTags.listsWithTag(key, category));
    }
    Map<String, Object> m = new HashMap<>();
    m.put("type", type);
    ContentPage result =
        lists.find(
            new ContentQuery(
                List.of(key), type, category, from, to, "-publishedAt", page, PAGE_SIZE),
            null);
    m.put("items", result.items().stream().map(i -> entry(i, lang)).toList());
    m.put("total", result.total());
    m.put("pagination", pagination(result, lang));
    m.put("category", category);
    // a date that could not be read is not written back into a date field (it would be invalid)
    m.put("from", from == null ? null : request.getParameter("from").strip());
    m.put("to", to == null ? null : request.getParameter("to").strip());
    m.put("categories", categories(key, type));
    m.put("action", "/sites/" + key + "/list/" + type);
    return m;
  }

  /** Search results for a text over one site (or every site when {@code site} is null). */
  public Map<String, Object> search(Site site, String lang, List<FilterError> errors) {
    String q = blankToNull(request.getParameter("q"));
    String type = blankToNull(request.getParameter("type"));
    if (type != null && !TYPES.contains(type)) {
      errors.add(new FilterError("type", "filterType"));
      type = null;
    }
    if (q != null && q.length() > 200) {
      errors.add(new FilterError("q", "searchTooLong"));
      q = null;
    }
    int page = page(errors);
    Map<String, Object> m = new HashMap<>();
    m.put("q", q);
    m.put("type", type);
    m.put("types", TYPES);
    if (site != null) {
      CacheTags.tag(request, CacheTags.lists(site.getKey()));
    } else {
      CacheTags.tag(request, CacheTags.PLATFORM);
    }
    if (q != null) {
      ContentPage result;
      try {
        result =
            lists.find(
                new ContentQuery(
                    site == null ? List.of() : List.of(site.getKey()),
                    type,
                    null,
                    null,
                    null,
                    null,
                    page,
                    PAGE_SIZE),
                q);
      } catch (ContentValidationException e) {
        errors.add(new FilterError("q", "searchInvalid"));
        result = new ContentPage(List.of(), 0, true, 1, PAGE_SIZE);
      }
      m.put("items", result.items().stream().map(i -> entry(i, lang)).toList());
      m.put("total", result.total());
      m.put("pagination", pagination(result, lang));
    }
    return m;
  }

  private Map<String, Object> entry(ContentView i, String lang) {
    Map<String, Object> e = items.summary(i, lang);
    e.put("siteKey", i.siteKey());
    if ("event".equals(i.type())) {
      String starts = PublishedItems.text(i.fields(), "startsAt", lang);
      if (starts != null) {
        try {
          PublishedItems.putDate(e, "starts", java.time.OffsetDateTime.parse(starts).toInstant());
        } catch (DateTimeParseException ignored) {
          // validated when saved; an old revision without an offset is shown without its date
        }
      }
      e.put("place", PublishedItems.text(i.fields(), "place", lang));
    }
    if ("faq".equals(i.type())) {
      e.put("answer", PublishedItems.text(i.fields(), "body", lang));
      e.put("category", PublishedItems.text(i.fields(), "category", lang));
    }
    if ("download".equals(i.type())) {
      e.put("files", tw.gov.civitas.core.pagemodule.Downloads.files(items, i, lang));
    }
    if ("link".equals(i.type())) {
      e.put("url", PublishedItems.text(i.fields(), "url", lang));
    }
    return e;
  }

  /** The tags used on the type's items: a site's own categories. */
  private List<String> categories(String siteKey, String type) {
    TreeSet<String> tags = new TreeSet<>();
    for (ContentView i :
        lists
            .find(new ContentQuery(List.of(siteKey), type, null, null, null, null, 1, 100), null)
            .items()) {
      i.tags().stream()
          .filter(t -> !SiteChrome.DEMO_TAG.equals(t) && !"banner".equals(t))
          .forEach(tags::add);
    }
    return new ArrayList<>(tags);
  }

  /** Links to the previous, next and nearby pages, keeping the other parameters. */
  private Map<String, Object> pagination(ContentPage result, String lang) {
    int pages = (int) Math.max(1, (result.total() + result.size() - 1) / result.size());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("page", result.page());
    p.put("pages", pages);
    List<Map<String, Object>> links = new ArrayList<>();
    for (int n = Math.max(1, result.page() - 3); n <= Math.min(pages, result.page() + 3); n++) {
      links.add(Map.of("number", n, "href", pageHref(n), "current", n == result.page()));
    }
    p.put("links", links);
    if (result.page() > 1) {
      p.put("previous", pageHref(result.page() - 1));
    }
    if (result.page() < pages) {
      p.put("next", pageHref(result.page() + 1));
    }
    return p;
  }

  private String pageHref(int n) {
    StringBuilder href = new StringBuilder(request.getRequestURI()).append("?");
    request
        .getParameterMap()
        .forEach(
            (name, values) -> {
              if (!"page".equals(name)) {
                for (String v : values) {
                  href.append(enc(name)).append('=').append(enc(v)).append('&');
                }
              }
            });
    return href.append("page=").append(n).toString();
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  private int page(List<FilterError> errors) {
    String p = request.getParameter("page");
    if (p == null || p.isBlank()) {
      return 1;
    }
    try {
      int n = Integer.parseInt(p.strip());
      if (n >= 1 && n <= 1000) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(new FilterError("page", "filterPage"));
    return 1;
  }

  /** A yyyy-MM-dd filter as the start of that day in Taipei (plus {@code days}). */
  private Instant date(String name, List<FilterError> errors, int days) {
    String v = blankToNull(request.getParameter(name));
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v)
          .plusDays(days)
          .atStartOfDay(java.time.ZoneId.of("Asia/Taipei"))
          .toInstant();
    } catch (DateTimeParseException e) {
      errors.add(new FilterError(name, "filterDate"));
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
