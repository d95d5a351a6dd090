package tw.gov.civitas.core.template;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.gov.civitas.spi.ContentTypeDescriptor;
import tw.gov.civitas.spi.FieldDescriptor;
import tw.gov.civitas.spi.FieldKind;

/**
 * The site templates on the class path (the civitas-site-templates jar): {@code
 * site-templates/index} names them, {@code site-templates/<id>/site-template.json} describes each.
 */
public final class SiteTemplates {

  public static final String DEFAULT = "bureau";
  private static volatile Map<String, SiteTemplate> all;

  private SiteTemplates() {}

  private static volatile List<JsonObject> requiredPages;

  /**
   * The pages every site gets when it is created, whatever its template ({@code
   * site-templates/required-pages.json}: accessibility, privacy and open data), each with its slug
   * and its fields in both languages.
   */
  public static List<JsonObject> requiredPages() {
    List<JsonObject> loaded = requiredPages;
    if (loaded == null) {
      try (InputStream in =
          SiteTemplates.class
              .getClassLoader()
              .getResourceAsStream("site-templates/required-pages.json")) {
        if (in == null) {
          loaded = List.of();
        } else {
          try (JsonReader r = Json.createReader(in)) {
            loaded = r.readObject().getJsonArray("pages").getValuesAs(JsonObject.class);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      requiredPages = loaded;
    }
    return loaded;
  }

  /** A template by its id, or by a former id it still answers to. */
  public static Optional<SiteTemplate> find(String id) {
    SiteTemplate t = all().get(id);
    if (t != null) {
      return Optional.of(t);
    }
    return all().values().stream().filter(x -> x.aliases().contains(id)).findFirst();
  }

  public static Map<String, SiteTemplate> all() {
    Map<String, SiteTemplate> loaded = all;
    if (loaded == null) {
      loaded = load(SiteTemplates.class.getClassLoader());
      all = loaded;
    }
    return loaded;
  }

  static Map<String, SiteTemplate> load(ClassLoader loader) {
    Map<String, SiteTemplate> templates = new LinkedHashMap<>();
    try (InputStream index = loader.getResourceAsStream("site-templates/index")) {
      if (index == null) {
        return templates;
      }
      for (String id :
          new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8))
              .lines()
              .map(String::strip)
              .filter(l -> !l.isEmpty() && !l.startsWith("#"))
              .toList()) {
        try (InputStream in =
            loader.getResourceAsStream("site-templates/" + id + "/site-template.json")) {
          if (in == null) {
            throw new IllegalStateException(
                "site template '" + id + "' is listed but has no site-template.json");
          }
          try (JsonReader r = Json.createReader(in)) {
            templates.put(id, parse(r.readObject()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return templates;
  }

  static SiteTemplate parse(JsonObject t) {
    String id = t.getString("id");
    List<ContentTypeDescriptor> types = new ArrayList<>();
    for (JsonObject type : t.getJsonArray("contentTypes").getValuesAs(JsonObject.class)) {
      types.add(
          ContentTypeDescriptor.of(
              "templates::" + type.getString("name"),
              type.getString("nameZh"),
              type.getString("nameEn"),
              fields(type.getJsonArray("fields"))));
    }
    Map<String, JsonArray> menus = new LinkedHashMap<>();
    JsonObject m = t.getJsonObject("menus");
    if (m != null) {
      m.forEach((key, entries) -> menus.put(key, entries.asJsonArray()));
    }
    List<String> modules =
        t.getJsonArray("modules").getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .toList();
    Map<String, List<String>> placed = new LinkedHashMap<>();
    JsonObject p = t.getJsonObject("pageModules");
    if (p != null) {
      p.forEach(
          (region, ids) -> {
            List<String> list =
                ids.asJsonArray().getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .toList();
            // A template can only place what the sites made from it enable (checked again against
            // the registry).
            list.stream()
                .filter(pm -> !modules.contains(pm.substring(0, Math.max(0, pm.indexOf('.')))))
                .findFirst()
                .ifPresent(
                    pm -> {
                      throw new IllegalStateException(
                          "site template '"
                              + id
                              + "' places page module '"
                              + pm
                              + "' of a module it does not enable");
                    });
            placed.put(region, list);
          });
    }
    JsonObject name = t.getJsonObject("name");
    return new SiteTemplate(
        id,
        name.getString("zh-TW"),
        name.getString("en", ""),
        t.getString("theme", "civic"),
        t.getString("defaultLanguage", "zh-TW"),
        modules,
        List.copyOf(types),
        menus,
        Map.copyOf(placed),
        t.containsKey("pageLayouts") ? t.getJsonObject("pageLayouts") : JsonValue.EMPTY_JSON_OBJECT,
        t.containsKey("pages") ? t.getJsonArray("pages").getValuesAs(JsonObject.class) : List.of(),
        t.containsKey("aliases")
            ? t.getJsonArray("aliases").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList()
            : List.of());
  }

  /** A template's field definitions, with the same kinds and rules as the built-in types. */
  static List<FieldDescriptor> fields(JsonArray defs) {
    List<FieldDescriptor> fields = new ArrayList<>();
    for (JsonObject f : defs.getValuesAs(JsonObject.class)) {
      FieldKind kind = FieldKind.valueOf(f.getString("kind"));
      List<String> values =
          f.containsKey("values")
              ? f.getJsonArray("values").getValuesAs(JsonString.class).stream()
                  .map(JsonString::getString)
                  .toList()
              : List.of();
      fields.add(
          FieldDescriptor.builder(f.getString("name"), kind)
              .required(f.getBoolean("required", false))
              .maxLength(f.getInt("maxLength", 0))
              .translatable(f.getBoolean("translatable", false))
              .allowedValues(values)
              .pattern(f.getString("pattern", null))
              .min(number(f.get("min")))
              .max(number(f.get("max")))
              .target(f.getString("target", null))
              .children(kind == FieldKind.GROUP ? fields(f.getJsonArray("children")) : List.of())
              .build());
    }
    return fields;
  }

  private static Double number(JsonValue v) {
    return v instanceof JsonNumber n ? n.doubleValue() : null;
  }
}
