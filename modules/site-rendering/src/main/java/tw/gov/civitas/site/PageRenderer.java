package tw.gov.civitas.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tw.gov.civitas.api.Localization;
import tw.gov.civitas.core.content.ContentView;
import tw.gov.civitas.core.media.Media;
import tw.gov.civitas.core.media.MediaService;
import tw.gov.civitas.core.pagemodule.PublishedItems;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.web.cache.CacheTags;

/** Renders site pages with the site's theme: the public pages and previews share it. */
@ApplicationScoped
public class PageRenderer {

  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  @Inject ThemeRenderer renderer;
  @Inject MediaService media;
  @Inject SiteChrome chrome;
  @Inject PublishedItems publishedItems;

  /** The request being rendered: its response depends on the media shown (see CacheTags). */
  @Inject HttpServletRequest request;

  /**
   * @param references how to find a referenced item: published ones for the public page (tagging
   *     them, see {@link CacheTags}), current ones for a preview
   * @param previewRevision the revision shown in a preview banner, or null for the public page
   */
  public void item(
      HttpServletResponse resp,
      Site site,
      ContentView item,
      String lang,
      Function<String, Optional<ContentView>> references,
      Integer previewRevision,
      Map<String, List<String>> regions)
      throws IOException {
    JsonObject fields = Localization.localize(item.fields(), lang, site.getDefaultLanguage());
    Map<String, Object> model = new HashMap<>();
    model.put("title", text(fields, "title"));
    model.put("summary", text(fields, "summary"));
    model.put("body", text(fields, "body"));
    model.put("type", item.type());
    if (item.publishedAt() != null) {
      // HTML's valid date strings allow at most three digits of a second
      model.put(
          "publishedAt",
          item.publishedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
      model.put("publishedDate", DATE.format(item.publishedAt().atZone(TAIPEI)));
    }
    String imageId = text(fields, "image");
    if (imageId != null) {
      CacheTags.tag(request, CacheTags.media(site.getKey(), imageId));
      media.find(site.getKey(), imageId).ifPresent(m -> model.put("image", image(m, lang)));
    }
    String parent = text(fields, "parent");
    if (parent != null) {
      references
          .apply(parent)
          .ifPresent(
              p ->
                  model.put(
                      "parent",
                      Map.of(
                          "title",
                          String.valueOf(
                              text(
                                  Localization.localize(
                                      p.fields(), lang, site.getDefaultLanguage()),
                                  "title")),
                          "href",
                          "/sites/"
                              + site.getKey()
                              + "/"
                              + p.slug()
                              + ("en".equals(lang) ? "?lang=en" : ""))));
    }
    details(site, item, fields, lang, model);
    boolean demo = item.tags().contains(SiteChrome.DEMO_TAG);
    Map<String, Object> page = new HashMap<>();
    page.put("item", model);
    page.put("demoItem", demo);
    if (regions != null) {
      page.put("regions", regions);
    }
    // shared on social media as an article with its own title and picture (Open Graph)
    page.put("ogType", "article");
    page.put("ogTitle", model.get("title"));
    if (model.get("image") instanceof Map<?, ?> image) {
      page.put(
          "ogImage",
          Map.of(
              "src",
              tw.gov.civitas.web.http.Origins.of(request) + image.get("src"),
              "alt",
              image.get("alt")));
    }
    page.put("description", description(text(fields, "summary"), text(fields, "body")));
    if (previewRevision != null) {
      page.put("preview", Map.of("revision", previewRevision));
      resp.setHeader("Cache-Control", "no-store");
      resp.setHeader("X-Robots-Tag", "noindex, nofollow");
    } else if (item.updatedAt() != null) {
      resp.setDateHeader("Last-Modified", item.updatedAt().toEpochMilli());
    }
    page(resp, 200, site, lang, "item", page, previewRevision == null ? item.slug() : null);
  }

  /** What each type shows besides its title and text: dates, place, files, contact details. */
  private void details(
      Site site, ContentView item, JsonObject fields, String lang, Map<String, Object> model) {
    switch (item.type()) {
      case "event" -> {
        for (String f : List.of("startsAt", "endsAt")) {
          String v = text(fields, f);
          if (v != null) {
            try {
              PublishedItems.putDate(
                  model,
                  f.substring(0, f.length() - 2),
                  java.time.OffsetDateTime.parse(v).toInstant());
            } catch (java.time.format.DateTimeParseException ignored) {
              // validated when saved
            }
          }
        }
        model.put("place", text(fields, "place"));
        if (fields.get("capacity") instanceof jakarta.json.JsonNumber n) {
          model.put("capacity", n.longValue());
        }
        PublishedItems.location(fields, "location").ifPresent(l -> model.put("location", l));
      }
      case "announcement" -> model.put("validUntil", text(fields, "validUntil"));
      case "faq" -> model.put("category", text(fields, "category"));
      case "link" -> model.put("url", text(fields, "url"));
      case "download" -> {
        List<Map<String, Object>> files =
            tw.gov.civitas.core.pagemodule.Downloads.files(publishedItems, item, lang);
        files.forEach(
            f -> CacheTags.tag(request, CacheTags.media(site.getKey(), (String) f.get("id"))));
        model.put("files", files);
      }
      case "contact", "service-point" -> {
        for (String f : List.of("unit", "phone", "email", "hours")) {
          model.put(f, text(fields, f));
        }
        String phone = text(fields, "phone");
        if (phone != null) {
          model.put("tel", "tel:" + phone.replaceAll("[^0-9+#]", ""));
        }
        PublishedItems.location(fields, "location").ifPresent(l -> model.put("location", l));
      }
      default -> {
        // pages and news: title, summary, picture and text
      }
    }
  }

  /** An item's title in the language shown. */
  static String title(ContentView item, String lang, String defaultLanguage) {
    return text(Localization.localize(item.fields(), lang, defaultLanguage), "title");
  }

  public void page(
      HttpServletResponse resp,
      int status,
      Site site,
      String lang,
      String template,
      Map<String, Object> model,
      String slug)
      throws IOException {
    Map<String, Object> m = new HashMap<>(model);
    m.put("htmlLang", "en".equals(lang) ? "en" : "zh-Hant-TW");
    chrome.addTo(m, site, lang);
    m.putIfAbsent("demoItem", false);
    m.put("siteKey", site.getKey());
    m.put("siteName", site.name(lang));
    m.put(
        "agencyName",
        "en".equals(lang) ? site.getAgency().getNameEn() : site.getAgency().getNameZh());
    m.put("siteHome", "/sites/" + site.getKey() + "/" + ("en".equals(lang) ? "?lang=en" : ""));
    m.put("langQuery", "en".equals(lang) ? "?lang=en" : "");
    // The sign-in link brings the citizen back to this page (see the account module).
    m.put(
        "accountLink",
        "/account/return"
            + ("en".equals(lang) ? "-en" : "")
            + "/sites/"
            + site.getKey()
            + "/"
            + (slug == null ? "" : slug));
    String defaultDescription =
        "en".equals(lang)
            ? site.name(lang) + ", the official site of " + m.get("agencyName")
            : m.get("agencyName") + "官方網站：" + site.name(lang);
    m.putIfAbsent("description", defaultDescription);
    m.putIfAbsent("ogType", "website");
    m.putIfAbsent("ogTitle", site.name(lang));
    m.put("ogLocale", "en".equals(lang) ? "en_US" : "zh_TW");
    // The cache keys on scheme and host, so absolute addresses built from the request are safe to
    // cache.
    String origin = tw.gov.civitas.web.http.Origins.of(request);
    m.put(
        "canonical",
        slug == null
            ? null
            : origin
                + "/sites/"
                + site.getKey()
                + "/"
                + slug
                + ("en".equals(lang) ? "?lang=en" : ""));
    List<Map<String, Object>> alternates = new ArrayList<>();
    if (slug != null) {
      String base = origin + "/sites/" + site.getKey() + "/" + slug;
      alternates.add(
          Map.of(
              "hreflang",
              "zh-Hant-TW",
              "href",
              base,
              "label",
              "中文",
              "current",
              !"en".equals(lang)));
      alternates.add(
          Map.of(
              "hreflang",
              "en",
              "href",
              base + "?lang=en",
              "label",
              "English",
              "current",
              "en".equals(lang)));
    }
    m.put("alternates", alternates);
    byte[] html =
        renderer.render(site.getTheme(), template, m, lang).getBytes(StandardCharsets.UTF_8);
    resp.setStatus(status);
    resp.setContentType("text/html;charset=UTF-8");
    resp.setHeader("Content-Language", "en".equals(lang) ? "en" : "zh-TW");
    resp.setContentLength(html.length);
    resp.getOutputStream().write(html);
  }

  /**
   * A page's meta description: the summary, else the start of the body as text, at most 160
   * characters.
   */
  static String description(String summary, String body) {
    // the body is sanitized rich text: its tags and the few entities the sanitizer writes go
    String text =
        summary != null && !summary.isBlank()
            ? summary
            : body == null
                ? ""
                : body.replaceAll("<[^>]*>", " ")
                    .replace("&nbsp;", " ")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&amp;", "&");
    text = text.replaceAll("\\s+", " ").strip();
    return text.isEmpty() ? null : text.length() <= 160 ? text : text.substring(0, 159) + "…";
  }

  private static Map<String, Object> image(Media m, String lang) {
    String alt = "en".equals(lang) && m.getAltEn() != null ? m.getAltEn() : m.getAltZh();
    Map<String, Object> img = new HashMap<>();
    img.put("src", m.url(m.getWidth() != null && m.getWidth() > 800 ? "medium" : "original"));
    img.put("alt", alt == null ? "" : alt);
    return img;
  }

  static String text(JsonObject fields, String name) {
    JsonValue v = fields.get(name);
    return v instanceof JsonString s ? s.getString() : null;
  }
}
