package tw.gov.civitas.site;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import tw.gov.civitas.core.tenancy.Site;

/**
 * A site's web app manifest, {@code /sites/<site>/manifest.webmanifest} ({@code ?lang=en} for the
 * English names): what a phone shows when a citizen adds the site to the home screen. Icons are the
 * theme's, by their fingerprinted addresses ({@link ThemeAssets#url}).
 */
final class SiteManifest {

  /** The slug SitePages answers with the manifest; no content item can be reached under it. */
  static final String SLUG = "manifest.webmanifest";

  static final String CONTENT_TYPE = "application/manifest+json;charset=UTF-8";

  /** The base theme's accent (civic.css {@code --accent}): the phone's title bar. */
  static final String THEME_COLOR = "#0b5394";

  /** Home screens cut names longer than about 12 characters. */
  private static final int SHORT_NAME_LENGTH = 12;

  private SiteManifest() {}

  static JsonObject of(Site site, String lang) {
    boolean en = "en".equals(lang);
    String name = site.name(lang);
    String home = "/sites/" + site.getKey() + "/";
    String theme = site.getTheme() == null ? "civic" : site.getTheme();
    return Json.createObjectBuilder()
        .add("name", name)
        .add("short_name", shortName(name, en))
        .add("lang", en ? "en" : "zh-Hant-TW")
        .add("dir", "ltr")
        .add("start_url", home + (en ? "?lang=en" : ""))
        .add("scope", home)
        .add("display", "standalone")
        .add("theme_color", THEME_COLOR)
        .add("background_color", "#ffffff")
        .add(
            "icons",
            Json.createArrayBuilder()
                .add(icon(theme, "icon-192.png", "192x192", "image/png"))
                .add(icon(theme, "icon-512.png", "512x512", "image/png"))
                .add(icon(theme, "favicon.svg", "any", "image/svg+xml")))
        .build();
  }

  /**
   * The name itself when short; a Chinese name without the city government's prefix (臺中市政府交通局 →
   * 交通局); an English one cut at a word.
   */
  static String shortName(String name, boolean en) {
    String s = name.strip();
    if (s.codePointCount(0, s.length()) <= SHORT_NAME_LENGTH) {
      return s;
    }
    if (!en) {
      for (String prefix : new String[] {"臺中市政府", "臺中市", "台中市政府", "台中市"}) {
        if (s.startsWith(prefix) && s.length() > prefix.length()) {
          s = s.substring(prefix.length());
          break;
        }
      }
      return s.codePointCount(0, s.length()) <= SHORT_NAME_LENGTH
          ? s
          : s.substring(0, s.offsetByCodePoints(0, SHORT_NAME_LENGTH));
    }
    int cut = s.lastIndexOf(' ', SHORT_NAME_LENGTH);
    return cut > 0 ? s.substring(0, cut) : s.substring(0, SHORT_NAME_LENGTH);
  }

  private static JsonObjectBuilder icon(String theme, String file, String sizes, String type) {
    return Json.createObjectBuilder()
        .add("src", ThemeAssets.url(theme, file))
        .add("sizes", sizes)
        .add("type", type)
        .add("purpose", "any");
  }

  static void write(HttpServletResponse resp, Site site, String lang) throws IOException {
    byte[] body = of(site, lang).toString().getBytes(StandardCharsets.UTF_8);
    resp.setContentType(CONTENT_TYPE);
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }
}
