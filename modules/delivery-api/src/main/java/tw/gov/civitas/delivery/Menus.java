package tw.gov.civitas.delivery;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashSet;
import java.util.Set;

/** Turns a stored menu into what a reader gets: one language, real links, no dead entries. */
final class Menus {

  private Menus() {}

  /** The slugs of the items a stored menu links, at any depth. */
  static Set<String> items(JsonArray stored) {
    Set<String> slugs = new LinkedHashSet<>();
    for (JsonObject e : stored.getValuesAs(JsonObject.class)) {
      if (e.containsKey("item")) {
        slugs.add(e.getString("item"));
      }
      if (e.containsKey("children")) {
        slugs.addAll(items(e.getJsonArray("children")));
      }
    }
    return slugs;
  }

  static JsonArray resolve(JsonArray stored, String siteKey, String lang, Set<String> published) {
    JsonArrayBuilder out = Json.createArrayBuilder();
    for (JsonObject e : stored.getValuesAs(JsonObject.class)) {
      JsonObjectBuilder b = Json.createObjectBuilder();
      JsonObject label = e.getJsonObject("label");
      b.add("label", label.containsKey(lang) ? label.getString(lang) : label.getString("zh-TW"));
      if (e.containsKey("item")) {
        String slug = e.getString("item");
        if (!published.contains(slug)) {
          continue; // a citizen must never meet a link to a draft
        }
        b.add("href", "/sites/" + siteKey + "/" + slug + ("en".equals(lang) ? "?lang=en" : ""))
            .add("item", slug);
      } else {
        b.add("href", e.getString("url"));
      }
      if (e.containsKey("children")) {
        b.add("children", resolve(e.getJsonArray("children"), siteKey, lang, published));
      }
      out.add(b);
    }
    return out.build();
  }
}
