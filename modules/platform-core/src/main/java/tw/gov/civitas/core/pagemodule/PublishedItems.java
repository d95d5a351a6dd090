package tw.gov.civitas.core.pagemodule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.gov.civitas.core.content.ContentPage;
import tw.gov.civitas.core.content.ContentQueries;
import tw.gov.civitas.core.content.ContentQuery;
import tw.gov.civitas.core.content.ContentView;
import tw.gov.civitas.core.media.Media;
import tw.gov.civitas.core.media.MediaService;

/**
 * What the built-in page modules show of a site's published content, as template variables: links
 * to the public pages, dates as people and machines read them, images with their text.
 */
@ApplicationScoped
public class PublishedItems {

  static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  @Inject ContentQueries content;
  @Inject MediaService media;

  /** The newest published items of a type (and tag), newest first. */
  public List<ContentView> newest(String siteKey, String type, String tag, int limit) {
    ContentPage page =
        content.find(
            new ContentQuery(List.of(siteKey), null, tag, null, null, "-publishedAt", 1, limit),
            type == null ? null : "core::" + type);
    return page.items();
  }

  /** One published item of the site. */
  public Optional<ContentView> published(String siteKey, String slug) {
    return content.published(siteKey, slug);
  }

  /** A link to an item's public page in the language shown. */
  public static String href(String siteKey, String slug, String lang) {
    return "/sites/" + siteKey + "/" + slug + query(lang);
  }

  /** {@code ?lang=en} on English pages, nothing on Chinese ones (the default). */
  public static String query(String lang) {
    return "en".equals(lang) ? "?lang=en" : "";
  }

  /** An item's title, summary, link and publication date. */
  public Map<String, Object> summary(ContentView item, String lang) {
    Map<String, Object> m = new HashMap<>();
    m.put("slug", item.slug());
    m.put("type", item.type());
    m.put("title", text(item.fields(), "title", lang));
    m.put("summary", text(item.fields(), "summary", lang));
    m.put("href", href(item.siteKey(), item.slug(), lang));
    if (item.publishedAt() != null) {
      putDate(m, "published", item.publishedAt());
    }
    return m;
  }

  /**
   * {@code <name>At} as a valid HTML date-time (whole seconds) and {@code <name>Date} as shown, in
   * Taipei time.
   */
  public static void putDate(Map<String, Object> m, String name, Instant at) {
    m.put(name + "At", at.truncatedTo(ChronoUnit.SECONDS).toString());
    m.put(name + "Date", DATE.format(at.atZone(TAIPEI)));
    m.put(name + "Time", TIME.format(at.atZone(TAIPEI)));
  }

  /** The picture of an item, for an {@code <img>}: its address and alternative text. */
  public Optional<Map<String, Object>> image(String siteKey, String mediaId, String lang) {
    if (mediaId == null) {
      return Optional.empty();
    }
    return media
        .find(siteKey, mediaId)
        .map(
            m -> {
              Map<String, Object> img = new HashMap<>();
              img.put("id", m.getId());
              img.put(
                  "src", m.url(m.getWidth() != null && m.getWidth() > 800 ? "medium" : "original"));
              img.put("alt", alt(m, lang));
              if (m.getWidth() != null && m.getHeight() != null) {
                img.put("width", m.getWidth());
                img.put("height", m.getHeight());
              }
              return img;
            });
  }

  /** A downloadable file: its address, file type and size as people read them. */
  public Optional<Map<String, Object>> file(String siteKey, String mediaId, String label) {
    if (mediaId == null) {
      return Optional.empty();
    }
    return media
        .find(siteKey, mediaId)
        .map(
            m -> {
              Map<String, Object> f = new HashMap<>();
              f.put("id", m.getId());
              f.put("href", m.url("original"));
              f.put("label", label == null || label.isBlank() ? m.getFileName() : label);
              f.put("format", format(m));
              f.put("size", size(m.getSize()));
              f.put("bytes", m.getSize());
              return f;
            });
  }

  static String alt(Media m, String lang) {
    String alt = "en".equals(lang) && m.getAltEn() != null ? m.getAltEn() : m.getAltZh();
    return alt == null ? "" : alt;
  }

  /** The file type as a citizen knows it: PDF, ODT, DOCX, CSV… */
  static String format(Media m) {
    String name = m.getFileName() == null ? "" : m.getFileName();
    int dot = name.lastIndexOf('.');
    if (dot >= 0 && dot < name.length() - 1) {
      return name.substring(dot + 1).toUpperCase(java.util.Locale.ROOT);
    }
    String ext = MediaService.extension(m.getMediaType());
    return ext == null ? m.getMediaType() : ext.replace(".", "").toUpperCase(java.util.Locale.ROOT);
  }

  /** 1.2 MB, 340 KB, 900 B: one decimal at most, powers of 1024. */
  public static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double kb = bytes / 1024.0;
    if (kb < 1024) {
      return trim(kb) + " KB";
    }
    return trim(kb / 1024.0) + " MB";
  }

  private static String trim(double v) {
    String s = String.format(java.util.Locale.ROOT, "%.1f", v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  /**
   * A field's text in one language: translated texts fall back to Chinese, plain ones are shown.
   */
  public static String text(JsonObject fields, String name, String lang) {
    JsonValue v = fields.get(name);
    if (v instanceof JsonString s) {
      return s.getString();
    }
    if (v instanceof JsonObject texts) {
      JsonValue t = texts.get(lang);
      if (!(t instanceof JsonString) || ((JsonString) t).getString().isBlank()) {
        t = texts.get("zh-TW");
      }
      return t instanceof JsonString s ? s.getString() : null;
    }
    return null;
  }

  /** A location field as {@code {lat, lon, address}}, with map links; empty without one. */
  public static Optional<Map<String, Object>> location(JsonObject fields, String name) {
    if (!(fields.get(name) instanceof JsonObject loc)
        || !(loc.get("lat") instanceof JsonNumber lat)
        || !(loc.get("lon") instanceof JsonNumber lon)) {
      return Optional.empty();
    }
    Map<String, Object> m = new HashMap<>();
    m.put("lat", lat.bigDecimalValue().toPlainString());
    m.put("lon", lon.bigDecimalValue().toPlainString());
    m.put("address", loc.getString("address", null));
    double la = lat.doubleValue();
    double lo = lon.doubleValue();
    m.put(
        "mapHref",
        String.format(
            java.util.Locale.ROOT,
            "https://www.openstreetmap.org/?mlat=%.6f&mlon=%.6f#map=17/%.6f/%.6f",
            la,
            lo,
            la,
            lo));
    m.put(
        "embedSrc",
        String.format(
            java.util.Locale.ROOT,
            "https://www.openstreetmap.org/export/embed.html?bbox=%.6f,%.6f,%.6f,%.6f&layer=mapnik&marker=%.6f,%.6f",
            lo - 0.004,
            la - 0.003,
            lo + 0.004,
            la + 0.003,
            la,
            lo));
    return Optional.of(m);
  }
}
