package tw.gov.civitas.booking.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tw.gov.civitas.booking.model.TimeRange;
import tw.gov.civitas.spi.runtime.InvalidInputException;

/**
 * A request body read strictly: unknown properties and wrong types are field errors, all at once.
 */
final class Body {

  private final JsonObject in;
  private final Map<String, String> errors = new LinkedHashMap<>();

  Body(JsonObject in, Set<String> properties) {
    this.in = in == null ? JsonValue.EMPTY_JSON_OBJECT : in;
    for (String key : this.in.keySet()) {
      if (!properties.contains(key)) {
        errors.put(key, "is not a property of this request");
      }
    }
  }

  String text(String name) {
    JsonValue v = in.get(name);
    if (v == null || v == JsonValue.NULL) {
      return "";
    }
    if (v instanceof JsonString s) {
      return s.getString();
    }
    errors.put(name, "is a text");
    return "";
  }

  long number(String name) {
    JsonValue v = in.get(name);
    if (v instanceof JsonNumber n && n.isIntegral()) {
      return n.longValue();
    }
    errors.put(name, "is a whole number");
    return 0;
  }

  boolean yes(String name) {
    return in.get(name) == JsonValue.TRUE;
  }

  Instant time(String name) {
    return time(in.get(name), name);
  }

  private Instant time(JsonValue v, String field) {
    if (v instanceof JsonString s) {
      try {
        return TimeRange.parse(s.getString());
      } catch (RuntimeException e) {
        // falls through to the error
      }
    }
    errors.put(field, "is a date and time, e.g. 2026-12-10T09:00:00+08:00");
    return null;
  }

  TimeRange range(String startName, String endName) {
    Instant s = time(startName);
    Instant e = time(endName);
    if (s != null && e != null) {
      if (!e.isAfter(s)) {
        errors.put(endName, "is after " + startName);
        return null;
      }
      return new TimeRange(s, e);
    }
    return null;
  }

  List<TimeRange> ranges(String name) {
    List<TimeRange> out = new ArrayList<>();
    if (!(in.get(name) instanceof JsonArray a) || a.isEmpty()) {
      errors.put(name, "lists the slots: [{\"start\", \"end\"}]");
      return out;
    }
    for (int i = 0; i < a.size(); i++) {
      String field = name + "." + i;
      if (!(a.get(i) instanceof JsonObject o) || !Set.of("start", "end").containsAll(o.keySet())) {
        errors.put(field, "is {\"start\", \"end\"}");
        continue;
      }
      Instant s = time(o.get("start"), field + ".start");
      Instant e = time(o.get("end"), field + ".end");
      if (s != null && e != null) {
        if (e.isAfter(s)) {
          out.add(new TimeRange(s, e));
        } else {
          errors.put(field, "ends after it starts");
        }
      }
    }
    return out;
  }

  /** Throws the errors found so far, if any. */
  void check() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
