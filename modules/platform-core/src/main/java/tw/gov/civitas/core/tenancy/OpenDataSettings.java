package tw.gov.civitas.core.tenancy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import tw.gov.civitas.core.error.FieldError;
import tw.gov.civitas.core.module.ModuleRegistry;
import tw.gov.civitas.spi.ContentTypeDescriptor;

/**
 * Which of a site's content types it publishes as open datasets, and the metadata data.gov.tw asks
 * for beyond what the platform knows: a description, how often it is updated, whom to ask. A type
 * the settings do not name is published with the defaults.
 */
public final class OpenDataSettings {

  /** data.gov.tw's update frequencies. */
  public static final List<String> FREQUENCIES =
      List.of("不定期更新", "每日更新", "每週更新", "每月更新", "每季更新", "每半年更新", "每年更新");

  public static final String DEFAULT_FREQUENCY = "不定期更新";

  private static final Set<String> PROPERTIES =
      Set.of("published", "description", "updateFrequency", "contact");

  /**
   * One content type's dataset as the site publishes it.
   *
   * @param description null: the platform's own sentence
   * @param contact null: the agency's webmaster
   */
  public record Dataset(
      ContentTypeDescriptor type,
      boolean published,
      String description,
      String updateFrequency,
      String contact) {}

  private OpenDataSettings() {}

  /** The content types a site has: the core's and those of the modules it enables. */
  public static List<ContentTypeDescriptor> typesOf(
      ModuleRegistry registry, Collection<String> enabledModules) {
    return registry.contentTypes().stream()
        .filter(t -> registry.typeEnabledOn(enabledModules, t))
        .toList();
  }

  /** Each of the site's types with its settings (the defaults where it has none). */
  public static List<Dataset> datasets(Site site, ModuleRegistry registry) {
    JsonObject settings = site.getOpenData();
    return typesOf(registry, site.getEnabledModules()).stream()
        .map(
            t -> {
              JsonObject s =
                  settings.get(t.shortName()) instanceof JsonObject o
                      ? o
                      : JsonObject.EMPTY_JSON_OBJECT;
              return new Dataset(
                  t,
                  s.getBoolean("published", true),
                  s.getString("description", null),
                  s.getString("updateFrequency", DEFAULT_FREQUENCY),
                  s.getString("contact", null));
            })
        .toList();
  }

  /**
   * The settings checked and normalised; errors are added under {@code openData...}.
   *
   * @return null when there were errors
   */
  public static JsonObject check(
      JsonObject given, List<ContentTypeDescriptor> types, List<FieldError> errors) {
    int before = errors.size();
    JsonObjectBuilder out = Json.createObjectBuilder();
    given.forEach(
        (type, value) -> {
          String at = "openData." + type;
          if (types.stream().noneMatch(t -> t.shortName().equals(type))) {
            errors.add(
                new FieldError(
                    at,
                    "is not a content type of this site; its types are "
                        + types.stream().map(ContentTypeDescriptor::shortName).toList()));
            return;
          }
          if (!(value instanceof JsonObject s)) {
            errors.add(new FieldError(at, "must be an object of dataset settings"));
            return;
          }
          JsonObjectBuilder o = Json.createObjectBuilder();
          s.keySet().stream()
              .filter(k -> !PROPERTIES.contains(k))
              .forEach(k -> errors.add(new FieldError(at + "." + k, "is not a dataset setting")));
          JsonValue published = s.get("published");
          if (published != null) {
            if (published != JsonValue.TRUE && published != JsonValue.FALSE) {
              errors.add(new FieldError(at + ".published", "must be true or false"));
            } else {
              o.add("published", published);
            }
          }
          text(s, "description", 500, at, o, errors);
          text(s, "contact", 200, at, o, errors);
          String frequency = text(s, "updateFrequency", 20, at, o, errors);
          if (frequency != null && !FREQUENCIES.contains(frequency)) {
            errors.add(new FieldError(at + ".updateFrequency", "must be one of " + FREQUENCIES));
          }
          out.add(type, o);
        });
    return errors.size() == before ? out.build() : null;
  }

  /** An optional text setting, stripped; blank is no setting. */
  private static String text(
      JsonObject s,
      String name,
      int max,
      String at,
      JsonObjectBuilder out,
      List<FieldError> errors) {
    JsonValue v = s.get(name);
    if (v == null || v == JsonValue.NULL) {
      return null;
    }
    if (!(v instanceof JsonString str)) {
      errors.add(new FieldError(at + "." + name, "must be a text"));
      return null;
    }
    String text = str.getString().strip();
    if (text.isEmpty()) {
      return null;
    }
    if (text.length() > max) {
      errors.add(new FieldError(at + "." + name, "must be at most " + max + " characters"));
      return null;
    }
    out.add(name, text);
    return text;
  }

  /** The stored settings without types the site no longer has (a module switched off). */
  static JsonObject current(JsonObject stored, List<ContentTypeDescriptor> types) {
    JsonObjectBuilder out = Json.createObjectBuilder();
    stored.forEach(
        (type, v) -> {
          if (types.stream().anyMatch(t -> t.shortName().equals(type))) {
            out.add(type, v);
          }
        });
    return out.build();
  }
}
