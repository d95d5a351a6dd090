package tw.gov.civitas.editor;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import tw.gov.civitas.spi.FieldDescriptor;
import tw.gov.civitas.spi.FieldKind;

/**
 * One field of the item form, made from the content type's {@link FieldDescriptor} (no form is
 * written per type): what it is called, the values the user typed (per language for a translatable
 * field, per part for a location, per entry for a group) and the messages next to it. The form's
 * inputs are plain HTML named by {@link #inputId}, so each label, message and summary link knows
 * its input's id.
 */
public class FieldInput implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A choice of a select (enum values, media, items to refer to). */
  public record Option(String value, String label) implements Serializable {
    public String getValue() {
      return value;
    }

    public String getLabel() {
      return label;
    }
  }

  /** One entry of a repeatable group: its own copy of the group's fields. */
  public static class Entry implements Serializable {
    private static final long serialVersionUID = 1L;
    private final List<FieldInput> fields;

    Entry(List<FieldInput> fields) {
      this.fields = fields;
    }

    public List<FieldInput> getFields() {
      return fields;
    }
  }

  private final String name;
  private final String path;
  private final String id;
  private final FieldKind kind;
  private final boolean required;
  private final boolean translatable;
  private final int maxLength;
  private final String label;
  private final String target;
  private final List<FieldDescriptor> children;
  private final int index;
  private List<Option> options = List.of();
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, String> errors = new LinkedHashMap<>();
  private final List<Entry> entries = new ArrayList<>();

  /**
   * @param path the field's path in the service's messages ({@code fields.title}, {@code
   *     fields.files[0].file})
   * @param id the id of its input ({@code f-title}, {@code f-files-0-file})
   */
  FieldInput(FieldDescriptor d, String path, String id, String label, int index) {
    this.name = d.name();
    this.path = path;
    this.id = id;
    this.kind = d.kind();
    this.required = d.required();
    this.translatable = d.translatable();
    this.maxLength = d.maxLength();
    this.label = label;
    this.target = d.target();
    this.children = d.children();
    this.index = index;
  }

  /** The parts a value has: the languages of a translatable field, a location's three parts. */
  public List<String> getParts() {
    if (translatable) {
      return List.of("zh-TW", "en");
    }
    if (kind == FieldKind.LOCATION) {
      return List.of("address", "lat", "lon");
    }
    return List.of("");
  }

  /** The id (and name) of the input of one part. */
  public String inputId(String part) {
    return part.isEmpty() ? id : id + "-" + part;
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getPath() {
    return path;
  }

  /**
   * The kind as the form's fragments test it: {@code text}, {@code rich-text}, {@code date-time}…
   */
  public String getKind() {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public boolean isRequired() {
    return required;
  }

  public boolean isTranslatable() {
    return translatable;
  }

  /** The most characters the input takes (the field's rule, else a generous bound). */
  public int getMaxLength() {
    return maxLength > 0 ? maxLength : kind == FieldKind.URL ? 2000 : 100_000;
  }

  public String getLabel() {
    return label;
  }

  public String getTarget() {
    return target;
  }

  public int getIndex() {
    return index;
  }

  public Map<String, String> getValues() {
    return values;
  }

  public Map<String, String> getErrors() {
    return errors;
  }

  public boolean isInvalid() {
    return !errors.isEmpty();
  }

  /** The first message of the field, for its summary line. */
  public String getFirstError() {
    return errors.values().stream().findFirst().orElse(null);
  }

  /** The part whose input the summary links to. */
  public String getFirstErrorPart() {
    return errors.keySet().stream().findFirst().orElse(getParts().get(0));
  }

  public List<Entry> getEntries() {
    return entries;
  }

  List<FieldDescriptor> children() {
    return children;
  }

  public List<Option> getOptions() {
    return options;
  }

  void options(List<Option> options) {
    this.options = options;
  }

  /** Whether a checkbox is ticked. */
  public boolean isChecked() {
    return "true".equals(values.get(""));
  }

  /** Whether a select's option is the value. */
  public boolean selected(String value) {
    return value.equals(values.get(""));
  }

  // --- between the stored JSON and the form ---

  /** Shows a stored value in the inputs. */
  void show(JsonValue v) {
    values.clear();
    entries.clear();
    if (v == null || v == JsonValue.NULL) {
      return;
    }
    if (translatable && v instanceof JsonObject o) {
      o.forEach((lang, text) -> values.put(lang, text(text)));
    } else if (kind == FieldKind.LOCATION && v instanceof JsonObject o) {
      o.forEach((part, x) -> values.put(part, text(x)));
    } else if (kind == FieldKind.DATE_TIME && v instanceof JsonString s) {
      values.put("", localDateTime(s.getString()));
    } else if (kind != FieldKind.GROUP) {
      values.put("", text(v));
    }
  }

  private static String text(JsonValue v) {
    if (v instanceof JsonString s) {
      return s.getString();
    }
    if (v instanceof JsonNumber n) {
      return n.bigDecimalValue().stripTrailingZeros().toPlainString();
    }
    return v.toString();
  }

  /** What {@code <input type="datetime-local">} shows: the time in Taipei. */
  private static String localDateTime(String iso) {
    try {
      return OffsetDateTime.parse(iso)
          .atZoneSameInstant(ItemRow.TAIPEI)
          .toLocalDateTime()
          .withSecond(0)
          .withNano(0)
          .toString();
    } catch (DateTimeParseException e) {
      return iso;
    }
  }

  /** Reads the field's inputs from the posted form (absent inputs are empty). */
  void read(Function<String, String> param) {
    values.clear();
    for (String part : getParts()) {
      String v = param.apply(inputId(part));
      if (kind == FieldKind.BOOLEAN) {
        values.put(part, v != null ? "true" : "false");
      } else if (v != null && !v.isBlank()) {
        values.put(part, kind == FieldKind.RICH_TEXT ? v : v.strip());
      }
    }
  }

  /**
   * The value to send to the service, or null for none. A value the form cannot turn into the
   * field's type is sent as typed, so that the service's message about it stands next to the field.
   */
  JsonValue value() {
    if (kind == FieldKind.GROUP) {
      JsonArrayBuilder a = Json.createArrayBuilder();
      for (Entry e : entries) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        for (FieldInput f : e.fields) {
          JsonValue v = f.value();
          if (v != null) {
            o.add(f.name, v);
          }
        }
        a.add(o);
      }
      return entries.isEmpty() ? null : a.build();
    }
    if (translatable) {
      JsonObjectBuilder o = Json.createObjectBuilder();
      values.forEach(o::add);
      return values.isEmpty() ? null : o.build();
    }
    if (kind == FieldKind.LOCATION) {
      if (values.isEmpty()) {
        return null;
      }
      JsonObjectBuilder o = Json.createObjectBuilder();
      values.forEach(
          (part, v) -> {
            if (part.equals("address")) {
              o.add(part, v);
            } else {
              o.add(part, number(v));
            }
          });
      return o.build();
    }
    String v = values.get("");
    if (v == null) {
      return null;
    }
    return switch (kind) {
      case BOOLEAN -> "true".equals(v) ? JsonValue.TRUE : JsonValue.FALSE;
      case INTEGER, DECIMAL -> number(v);
      case DATE_TIME -> Json.createValue(withOffset(v));
      default -> Json.createValue(v);
    };
  }

  private static JsonValue number(String v) {
    try {
      return Json.createValue(new BigDecimal(v));
    } catch (NumberFormatException e) {
      return Json.createValue(v);
    }
  }

  /** A local date-time typed in Taipei, with its offset (what the service takes). */
  private static String withOffset(String v) {
    try {
      return LocalDateTime.parse(v).atZone(ItemRow.TAIPEI).toOffsetDateTime().toString();
    } catch (DateTimeParseException e) {
      return v;
    }
  }
}
