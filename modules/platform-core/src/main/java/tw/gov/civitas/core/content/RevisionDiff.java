package tw.gov.civitas.core.content;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** Field-by-field comparison of two revisions' stored fields. */
public final class RevisionDiff {

  private RevisionDiff() {}

  public static List<FieldChange> between(JsonObject before, JsonObject after) {
    List<FieldChange> changes = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(before.keySet());
    names.addAll(after.keySet());
    for (String name : names) {
      JsonValue b = before.get(name);
      JsonValue a = after.get(name);
      if (isObject(b) && isObject(a) || isObject(b) && a == null || b == null && isObject(a)) {
        JsonObject bo = b == null ? JsonValue.EMPTY_JSON_OBJECT : b.asJsonObject();
        JsonObject ao = a == null ? JsonValue.EMPTY_JSON_OBJECT : a.asJsonObject();
        TreeSet<String> langs = new TreeSet<>(bo.keySet());
        langs.addAll(ao.keySet());
        for (String lang : langs) {
          if (!Objects.equals(bo.get(lang), ao.get(lang))) {
            changes.add(new FieldChange(name + "." + lang, bo.get(lang), ao.get(lang)));
          }
        }
      } else if (!Objects.equals(b, a)) {
        changes.add(new FieldChange(name, b, a));
      }
    }
    return changes;
  }

  private static boolean isObject(JsonValue v) {
    return v != null && v.getValueType() == JsonValue.ValueType.OBJECT;
  }
}
