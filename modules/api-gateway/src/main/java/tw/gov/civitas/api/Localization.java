package tw.gov.civitas.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Set;
import java.util.TreeSet;
import tw.gov.civitas.core.tenancy.Site;

/**
 * Picks one language out of stored field values: the language asked for, else the site's default,
 * else whatever exists. Stored translatable values are {@code {"zh-TW": …, "en": …}}.
 */
public final class Localization {

  private Localization() {}

  /** A supported language tag for a {@code lang} parameter, or the site default. */
  public static String resolve(String requested, String siteDefault) {
    if (requested != null) {
      for (String lang : Site.LANGUAGES) {
        if (lang.equalsIgnoreCase(requested)) {
          return lang;
        }
      }
      if (requested.toLowerCase().startsWith("zh")) {
        return "zh-TW";
      }
    }
    return siteDefault;
  }

  public static JsonObject localize(JsonObject fields, String lang, String siteDefault) {
    JsonObjectBuilder out = Json.createObjectBuilder();
    for (var e : fields.entrySet()) {
      JsonValue v = e.getValue();
      if (isTranslations(v)) {
        JsonObject t = v.asJsonObject();
        JsonValue chosen =
            t.containsKey(lang)
                ? t.get(lang)
                : t.containsKey(siteDefault) ? t.get(siteDefault) : t.values().iterator().next();
        out.add(e.getKey(), chosen);
      } else if (v.getValueType() == JsonValue.ValueType.ARRAY) {
        // A repeatable group's entries hold translatable fields of their own.
        JsonArrayBuilder entries = Json.createArrayBuilder();
        for (JsonValue entry : v.asJsonArray()) {
          entries.add(
              entry.getValueType() == JsonValue.ValueType.OBJECT
                  ? localize(entry.asJsonObject(), lang, siteDefault)
                  : entry);
        }
        out.add(e.getKey(), entries);
      } else {
        out.add(e.getKey(), v);
      }
    }
    return out.build();
  }

  /** The languages in which the item has its title: these are its translations. */
  public static Set<String> translations(JsonObject fields) {
    Set<String> langs = new TreeSet<>();
    JsonValue title = fields.get("title");
    if (title != null && isTranslations(title)) {
      langs.addAll(title.asJsonObject().keySet());
    }
    return langs;
  }

  private static boolean isTranslations(JsonValue v) {
    return v.getValueType() == JsonValue.ValueType.OBJECT
        && !v.asJsonObject().isEmpty()
        && Site.LANGUAGES.containsAll(v.asJsonObject().keySet());
  }
}
