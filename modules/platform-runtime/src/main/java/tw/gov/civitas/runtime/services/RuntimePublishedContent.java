package tw.gov.civitas.runtime.services;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tw.gov.civitas.core.content.ContentQueries;
import tw.gov.civitas.core.content.ContentQuery;
import tw.gov.civitas.core.content.ContentView;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.spi.ContentTypeDescriptor;
import tw.gov.civitas.spi.runtime.PublishedContent;
import tw.gov.civitas.spi.runtime.PublishedItem;
import tw.gov.civitas.spi.runtime.SiteRef;

/** The SPI's published content: what the public delivery API shows, in the site's language. */
@ApplicationScoped
public class RuntimePublishedContent implements PublishedContent {

  @Inject ContentQueries queries;
  @Inject Platform platform;
  @Inject RuntimeSites sites;

  record Item(
      String siteKey,
      String slug,
      String type,
      String title,
      String summary,
      Instant publishedAt,
      String url,
      String fieldsJson)
      implements PublishedItem {}

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<PublishedItem> newest(String siteKey, String type, int limit) {
    if (limit < 1 || limit > 100) {
      throw new IllegalArgumentException("limit must be 1-100: " + limit);
    }
    Optional<SiteRef> site = sites.find(siteKey);
    Optional<ContentTypeDescriptor> descriptor = platform.registry().contentType(type);
    if (site.isEmpty()
        || descriptor.isEmpty()
        || !platform.registry().typeEnabledOn(site.get().enabledModules(), descriptor.get())) {
      return List.of();
    }
    ContentQuery q =
        new ContentQuery(List.of(siteKey), type, null, null, null, "-publishedAt", 1, limit);
    return queries.find(q, descriptor.get().id()).items().stream()
        .map(v -> item(site.get(), v))
        .toList();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<PublishedItem> find(String siteKey, String slug) {
    Optional<SiteRef> site = sites.find(siteKey);
    if (site.isEmpty()) {
      return Optional.empty();
    }
    return queries.published(siteKey, slug).map(v -> item(site.get(), v));
  }

  private static PublishedItem item(SiteRef site, ContentView v) {
    return new Item(
        v.siteKey(),
        v.slug(),
        v.type(),
        text(v.fields(), "title", site.defaultLanguage()),
        text(v.fields(), "summary", site.defaultLanguage()),
        v.publishedAt(),
        site.publicUrl() + "/" + v.slug(),
        v.fields().toString());
  }

  /** A text field in the site's language, falling back to the other one. */
  static String text(JsonObject fields, String name, String language) {
    JsonValue value = fields.get(name);
    if (value instanceof JsonString s) {
      return s.getString();
    }
    if (value instanceof JsonObject byLanguage) {
      String other = "en".equals(language) ? "zh-TW" : "en";
      return byLanguage.getString(language, byLanguage.getString(other, ""));
    }
    return "";
  }
}
