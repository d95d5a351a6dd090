package tw.gov.civitas.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import tw.gov.civitas.core.content.ContentView;
import tw.gov.civitas.core.tenancy.Site;

/**
 * The wire shapes of the delivery API. Field names are part of the API contract: add, never rename.
 */
public final class Representations {

  private Representations() {}

  public static JsonObject site(Site site) {
    JsonArrayBuilder domains = Json.createArrayBuilder();
    site.getDomains().stream().sorted().forEach(domains::add);
    return Json.createObjectBuilder()
        .add("key", site.getKey())
        .add(
            "name",
            Json.createObjectBuilder().add("zh-TW", site.getNameZh()).add("en", site.getNameEn()))
        .add("agency", site.getAgency().getSlug())
        .add("defaultLanguage", site.getDefaultLanguage())
        .add("theme", site.getTheme())
        .add("domains", domains)
        .add(
            "links",
            Json.createObjectBuilder()
                .add("html", "/sites/" + site.getKey() + "/")
                .add("self", "/api/v1/sites/" + site.getKey()))
        .build();
  }

  /** A published item in one language. */
  public static JsonObject publishedContent(ContentView item, String lang, String siteDefault) {
    JsonArrayBuilder translations = Json.createArrayBuilder();
    Localization.translations(item.fields()).forEach(translations::add);
    return Json.createObjectBuilder()
        .add("site", item.siteKey())
        .add("type", item.type())
        .add("slug", item.slug())
        .add("lang", lang)
        .add("translations", translations)
        .add("revision", item.publishedRevision())
        .add("tags", Json.createArrayBuilder(item.tags()))
        .add("publishedAt", item.publishedAt().toString())
        .add("updatedAt", item.updatedAt().toString())
        .add("fields", Localization.localize(item.fields(), lang, siteDefault))
        .add(
            "links",
            Json.createObjectBuilder()
                .add("html", "/sites/" + item.siteKey() + "/" + item.slug())
                .add("self", "/api/v1/sites/" + item.siteKey() + "/content/" + item.slug()))
        .build();
  }

  /** A page of published items, each in one language. */
  public static JsonObject page(
      tw.gov.civitas.core.content.ContentPage page,
      String lang,
      java.util.function.Function<String, String> siteDefault) {
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (ContentView item : page.items()) {
      String fallback = siteDefault.apply(item.siteKey());
      items.add(publishedContent(item, Localization.resolve(lang, fallback), fallback));
    }
    return Json.createObjectBuilder()
        .add("items", items)
        .add("page", page.page())
        .add("size", page.size())
        .add("total", page.total())
        .add("totalExact", page.totalExact())
        .build();
  }

  /** An item as its editors see it: every language, current state. */
  public static JsonObject managedContent(ContentView item) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("site", item.siteKey())
            .add("type", item.type())
            .add("slug", item.slug())
            .add("state", item.state())
            .add("revision", item.revision())
            .add("createdAt", item.createdAt().toString())
            .add("updatedAt", item.updatedAt().toString())
            .add("tags", Json.createArrayBuilder(item.tags()))
            .add("fields", item.fields());
    if (item.publishAt() != null) {
      b.add("publishAt", item.publishAt().toString());
    }
    if (item.scheduledRevision() != null) {
      b.add("scheduledRevision", item.scheduledRevision()); // what publishAt makes public
    }
    if (item.unpublishAt() != null) {
      b.add("unpublishAt", item.unpublishAt().toString());
    }
    if (item.publishedRevision() != null) {
      b.add("publishedRevision", item.publishedRevision());
    }
    if (item.publishedAt() != null) {
      b.add("publishedAt", item.publishedAt().toString());
    }
    return b.add(
            "links",
            Json.createObjectBuilder()
                .add("self", "/api/v1/manage/sites/" + item.siteKey() + "/content/" + item.slug())
                .add(
                    "transitions",
                    "/api/v1/manage/sites/"
                        + item.siteKey()
                        + "/content/"
                        + item.slug()
                        + "/transitions"))
        .build();
  }

  /** A row of an editor's item list: the item at its current revision, with its authors. */
  public static JsonObject managedItem(tw.gov.civitas.core.content.ManagedItem item) {
    return Json.createObjectBuilder(managedContent(item.item()))
        .add("title", item.title("zh-TW"))
        .add("author", item.author())
        .add("createdBy", item.createdBy())
        .build();
  }

  /**
   * A content type as a schema a headless editor builds its form from: every field with its kind
   * and rules, in editing order.
   */
  public static JsonObject contentType(tw.gov.civitas.spi.ContentTypeDescriptor type) {
    return Json.createObjectBuilder()
        .add("id", type.id())
        .add("type", type.shortName())
        .add("module", type.moduleId())
        .add(
            "name", Json.createObjectBuilder().add("zh-TW", type.nameZh()).add("en", type.nameEn()))
        .add("fields", fields(type.fields()))
        .build();
  }

  private static JsonArrayBuilder fields(java.util.List<tw.gov.civitas.spi.FieldDescriptor> fs) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    for (tw.gov.civitas.spi.FieldDescriptor f : fs) {
      JsonObjectBuilder b =
          Json.createObjectBuilder()
              .add("name", f.name())
              .add("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
              .add("required", f.required())
              .add("translatable", f.translatable());
      if (f.labelZh() != null) {
        b.add(
            "label",
            Json.createObjectBuilder()
                .add("zh-TW", f.labelZh())
                .add("en", f.labelEn() == null ? f.labelZh() : f.labelEn()));
      }
      if (f.maxLength() > 0) {
        b.add("maxLength", f.maxLength());
      }
      if (f.pattern() != null) {
        b.add("pattern", f.pattern());
      }
      if (f.min() != null) {
        b.add("min", f.min());
      }
      if (f.max() != null) {
        b.add("max", f.max());
      }
      if (!f.allowedValues().isEmpty()) {
        b.add("allowedValues", Json.createArrayBuilder(f.allowedValues()));
      }
      if (f.target() != null) {
        b.add("target", f.target());
      }
      if (!f.children().isEmpty()) {
        b.add("fields", fields(f.children()));
      }
      a.add(b);
    }
    return a;
  }
}
