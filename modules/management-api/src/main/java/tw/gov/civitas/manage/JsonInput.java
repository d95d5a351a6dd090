package tw.gov.civitas.manage;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.error.FieldError;

/**
 * Reads typed members of a request body, collecting every error before refusing it. A member that
 * no accessor asked for is refused too ({@link #check()}): a misspelt property must never be a
 * silent no-op that the audit trail then records as a change.
 */
final class JsonInput {

  private final JsonObject body;
  private final List<FieldError> errors = new ArrayList<>();
  private final Set<String> known = new HashSet<>();

  JsonInput(JsonObject body) {
    if (body == null) {
      throw new ContentValidationException(
          List.of(new FieldError("", "a JSON object is required")));
    }
    this.body = body;
  }

  /**
   * Whether the body mentions the member at all (absent and null mean different things to an
   * update).
   */
  boolean has(String name) {
    return body.containsKey(name);
  }

  /** The member as it is, of any type (null when absent). */
  JsonValue value(String name) {
    known.add(name);
    return body.get(name);
  }

  String string(String name) {
    JsonValue v = value(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.STRING) {
      errors.add(new FieldError(name, "must be a string"));
      return null;
    }
    String s = ((JsonString) v).getString();
    if (s.indexOf('\u0000') >= 0) {
      errors.add(new FieldError(name, "must not contain NUL characters"));
      return null;
    }
    return s;
  }

  Instant instant(String name) {
    String s = string(name);
    if (s == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldError(name, "must be a date-time with offset, e.g. 2026-06-19T00:00:00+08:00"));
      return null;
    }
  }

  JsonObject object(String name) {
    JsonValue v = value(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.OBJECT) {
      errors.add(new FieldError(name, "must be an object"));
      return null;
    }
    return v.asJsonObject();
  }

  /** Null when absent (meaning: leave unchanged). */
  List<String> strings(String name) {
    return strings(name, value(name));
  }

  /**
   * An object whose members are arrays of strings ({@code {"home": ["a.b"]}}); null when absent.
   */
  java.util.Map<String, List<String>> stringLists(String name) {
    JsonObject o = object(name);
    if (o == null) {
      return null;
    }
    java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    o.forEach(
        (key, v) -> {
          List<String> list = strings(name + "." + key, v);
          if (list != null) {
            out.put(key, list);
          } else if (v.getValueType() == JsonValue.ValueType.NULL) {
            errors.add(new FieldError(name + "." + key, "must be an array of strings"));
          }
        });
    return out;
  }

  private List<String> strings(String name, JsonValue v) {
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.ARRAY) {
      errors.add(new FieldError(name, "must be an array of strings"));
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.asJsonArray().size(); i++) {
      JsonValue e = v.asJsonArray().get(i);
      if (e.getValueType() != JsonValue.ValueType.STRING) {
        errors.add(new FieldError(name + "[" + i + "]", "must be a string"));
      } else {
        out.add(((JsonString) e).getString());
      }
    }
    return out;
  }

  Boolean bool(String name) {
    JsonValue v = value(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
      errors.add(new FieldError(name, "must be true or false"));
      return null;
    }
    return v == JsonValue.TRUE;
  }

  Integer integer(String name) {
    JsonValue v = value(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(v instanceof jakarta.json.JsonNumber n) || !n.isIntegral()) {
      errors.add(new FieldError(name, "must be a whole number"));
      return null;
    }
    try {
      return n.intValueExact();
    } catch (ArithmeticException e) {
      errors.add(new FieldError(name, "is too large"));
      return null;
    }
  }

  /**
   * @throws ContentValidationException if any member had the wrong shape or is not known
   */
  void check() {
    for (String name : body.keySet()) {
      if (!known.contains(name)) {
        errors.add(new FieldError(name, "unknown property"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ContentValidationException(errors);
    }
  }
}
