package tw.gov.civitas.booking.model;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tw.gov.civitas.spi.runtime.InvalidInputException;

/**
 * A venue on the wire ({@code VenueRepresentation} in {@code /openapi}): read strictly (an unknown
 * property, a wrong type or a broken rule is a field error, all of them at once) and written with
 * everything a citizen or an app needs.
 */
public final class VenueJson {

  static final Set<String> PROPERTIES =
      Set.of(
          "nameZh",
          "nameEn",
          "descriptionZh",
          "descriptionEn",
          "address",
          "latitude",
          "longitude",
          "capacity",
          "facilities",
          "accessibility",
          "photos",
          "opening",
          "slots",
          "fees",
          "rules",
          "termsZh",
          "termsEn",
          "approvalRequired");

  private VenueJson() {}

  /** A venue from a management request; {@code id} and {@code site} come from the path. */
  public static Venue read(JsonObject in, long id, String siteKey) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (String key : in.keySet()) {
      if (!PROPERTIES.contains(key)) {
        errors.put(key, "is not a property of a venue");
      }
    }
    Reader r = new Reader(in, errors);
    String nameZh = r.text("nameZh", true, 200);
    String nameEn = r.text("nameEn", false, 200);
    String descriptionZh = r.text("descriptionZh", false, 5000);
    String descriptionEn = r.text("descriptionEn", false, 5000);
    String address = r.text("address", false, 300);
    Double latitude = r.decimal("latitude", -90, 90);
    Double longitude = r.decimal("longitude", -180, 180);
    Integer capacity = r.integer(in, "capacity", true, 1, 100_000);
    List<String> facilities = r.texts("facilities", 100);
    String accessibility = r.text("accessibility", false, 2000);
    List<String> photos = r.texts("photos", 64);
    Map<DayOfWeek, Venue.Hours> opening = new EnumMap<>(DayOfWeek.class);
    JsonObject openingIn = r.object("opening", true);
    if (openingIn != null) {
      for (String day : openingIn.keySet()) {
        String field = "opening." + day;
        try {
          int n = Integer.parseInt(day);
          String[] hours = ((JsonString) openingIn.get(day)).getString().split("-");
          Venue.Hours h = new Venue.Hours(LocalTime.parse(hours[0]), LocalTime.parse(hours[1]));
          if (!h.closes().isAfter(h.opens())) {
            errors.put(field, "closes after it opens");
          }
          opening.put(DayOfWeek.of(n), h);
        } catch (RuntimeException e) {
          errors.put(field, "is a weekday 1 (Monday) to 7 with \"HH:mm-HH:mm\"");
        }
      }
    }
    boolean fixed = true;
    List<Venue.FixedSlot> fixedSlots = new ArrayList<>();
    int granularity = 60;
    int minMinutes = 60;
    int maxMinutes = 240;
    JsonObject slots = r.object("slots", true);
    if (slots != null) {
      String mode = slots.get("mode") instanceof JsonString s ? s.getString() : "";
      if ("fixed".equals(mode)) {
        JsonValue list = slots.get("fixed");
        if (!(list instanceof JsonArray a) || a.isEmpty()) {
          errors.put("slots.fixed", "lists the day's slots: [{\"name\", \"start\", \"end\"}]");
        } else {
          for (int i = 0; i < a.size(); i++) {
            try {
              JsonObject s = a.getJsonObject(i);
              Venue.FixedSlot f =
                  new Venue.FixedSlot(
                      s.getString("name"),
                      LocalTime.parse(s.getString("start")),
                      LocalTime.parse(s.getString("end")));
              if (!f.end().isAfter(f.start()) || f.name().isBlank() || f.name().length() > 40) {
                throw new IllegalArgumentException();
              }
              for (Venue.FixedSlot other : fixedSlots) {
                if (f.start().isBefore(other.end()) && other.start().isBefore(f.end())) {
                  errors.put("slots.fixed." + i, "overlaps the slot " + other.name());
                }
              }
              fixedSlots.add(f);
            } catch (RuntimeException e) {
              errors.put(
                  "slots.fixed." + i, "is {\"name\", \"start\": \"HH:mm\", \"end\": \"HH:mm\"}");
            }
          }
        }
      } else if ("flexible".equals(mode)) {
        fixed = false;
        granularity = orElse(r.integer(slots, "granularityMinutes", true, 15, 240), 60);
        minMinutes = orElse(r.integer(slots, "minMinutes", true, 15, 1440), 60);
        maxMinutes = orElse(r.integer(slots, "maxMinutes", true, 15, 1440), 240);
        if (minMinutes > maxMinutes
            || minMinutes % granularity != 0
            || maxMinutes % granularity != 0) {
          errors.put(
              "slots.minMinutes", "is at most maxMinutes, both whole steps of granularityMinutes");
        }
      } else {
        errors.put("slots.mode", "is \"fixed\" or \"flexible\"");
      }
    }
    JsonObject fees = r.object("fees", false);
    int perSlot = 0;
    int perHour = 0;
    Map<String, Integer> discounts = new TreeMap<>();
    if (fees != null) {
      perSlot = orElse(r.integer(fees, "perSlot", false, 0, 1_000_000), 0);
      perHour = orElse(r.integer(fees, "perHour", false, 0, 1_000_000), 0);
      if (fees.get("discounts") instanceof JsonObject d) {
        for (String category : d.keySet()) {
          if (!category.matches("[a-z][a-z0-9-]{0,39}")
              || !(d.get(category) instanceof JsonNumber n)
              || !n.isIntegral()
              || n.intValue() < 1
              || n.intValue() > 100) {
            errors.put(
                "fees.discounts." + category, "is a category (a-z) with a percent off, 1 to 100");
          } else {
            discounts.put(category, n.intValue());
          }
        }
      } else if (fees.containsKey("discounts")) {
        errors.put("fees.discounts", "is {\"category\": percent off}");
      }
    }
    JsonObject rulesIn = r.object("rules", false);
    JsonObject rules = rulesIn == null ? JsonValue.EMPTY_JSON_OBJECT : rulesIn;
    Venue.Rules venueRules =
        new Venue.Rules(
            orElse(r.integer(rules, "minNoticeHours", false, 0, 24 * 90), 24),
            orElse(r.integer(rules, "maxAdvanceDays", false, 1, 366), 60),
            r.integer(rules, "quotaPerWeek", false, 1, 100),
            r.integer(rules, "quotaPerMonth", false, 1, 400),
            orElse(r.integer(rules, "cancelDeadlineHours", false, 0, 24 * 90), 48),
            orElse(r.integer(rules, "refundPercent", false, 0, 100), 100));
    String termsZh = r.text("termsZh", true, 5000);
    String termsEn = r.text("termsEn", false, 5000);
    boolean approval = true;
    if (in.get("approvalRequired") == JsonValue.FALSE) {
      approval = false;
    } else if (in.containsKey("approvalRequired") && in.get("approvalRequired") != JsonValue.TRUE) {
      errors.put("approvalRequired", "is true or false");
    }
    unknown(
        slots,
        "slots",
        Set.of("mode", "fixed", "granularityMinutes", "minMinutes", "maxMinutes"),
        errors);
    unknown(fees, "fees", Set.of("perSlot", "perHour", "discounts"), errors);
    unknown(
        rulesIn,
        "rules",
        Set.of(
            "minNoticeHours",
            "maxAdvanceDays",
            "quotaPerWeek",
            "quotaPerMonth",
            "cancelDeadlineHours",
            "refundPercent"),
        errors);
    if (opening.isEmpty() && !errors.containsKey("opening")) {
      errors.put("opening", "names at least one open weekday");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new Venue(
        id,
        siteKey,
        nameZh,
        nameEn,
        descriptionZh,
        descriptionEn,
        address,
        latitude,
        longitude,
        capacity,
        facilities,
        accessibility,
        photos,
        opening,
        fixed,
        fixedSlots,
        granularity,
        minMinutes,
        maxMinutes,
        perSlot,
        perHour,
        discounts,
        venueRules,
        termsZh,
        termsEn,
        approval,
        false);
  }

  public static JsonObject write(Venue v) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("id", v.id())
            .add("site", v.siteKey())
            .add("nameZh", v.nameZh())
            .add("nameEn", v.nameEn())
            .add("descriptionZh", v.descriptionZh())
            .add("descriptionEn", v.descriptionEn())
            .add("address", v.address())
            .add("capacity", v.capacity())
            .add("facilities", strings(v.facilities()))
            .add("accessibility", v.accessibility())
            .add("photos", strings(v.photoIds()))
            .add("opening", opening(v))
            .add("slots", slots(v))
            .add("fees", fees(v))
            .add("rules", rules(v.rules()))
            .add("termsZh", v.termsZh())
            .add("termsEn", v.termsEn())
            .add("approvalRequired", v.approvalRequired())
            .add("demo", v.demo());
    if (v.latitude() != null && v.longitude() != null) {
      b.add("latitude", v.latitude()).add("longitude", v.longitude());
    }
    return b.build();
  }

  public static JsonObject opening(Venue v) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    v.opening()
        .forEach((d, h) -> b.add(String.valueOf(d.getValue()), h.opens() + "-" + h.closes()));
    return b.build();
  }

  public static JsonObject slots(Venue v) {
    if (!v.fixedMode()) {
      return Json.createObjectBuilder()
          .add("mode", "flexible")
          .add("granularityMinutes", v.granularityMinutes())
          .add("minMinutes", v.minMinutes())
          .add("maxMinutes", v.maxMinutes())
          .build();
    }
    JsonArrayBuilder a = Json.createArrayBuilder();
    v.fixedSlots()
        .forEach(
            f ->
                a.add(
                    Json.createObjectBuilder()
                        .add("name", f.name())
                        .add("start", f.start().toString())
                        .add("end", f.end().toString())));
    return Json.createObjectBuilder().add("mode", "fixed").add("fixed", a).build();
  }

  public static JsonObject fees(Venue v) {
    JsonObjectBuilder d = Json.createObjectBuilder();
    v.discounts().forEach(d::add);
    return Json.createObjectBuilder()
        .add("perSlot", v.feePerSlot())
        .add("perHour", v.feePerHour())
        .add("discounts", d)
        .build();
  }

  static JsonObject rules(Venue.Rules r) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("minNoticeHours", r.minNoticeHours())
            .add("maxAdvanceDays", r.maxAdvanceDays())
            .add("cancelDeadlineHours", r.cancelDeadlineHours())
            .add("refundPercent", r.refundPercent());
    if (r.quotaPerWeek() != null) {
      b.add("quotaPerWeek", r.quotaPerWeek());
    }
    if (r.quotaPerMonth() != null) {
      b.add("quotaPerMonth", r.quotaPerMonth());
    }
    return b.build();
  }

  static JsonArray strings(List<String> values) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    values.forEach(a::add);
    return a.build();
  }

  private static void unknown(
      JsonObject nested, String name, Set<String> known, Map<String, String> errors) {
    if (nested != null) {
      nested.keySet().stream()
          .filter(k -> !known.contains(k))
          .forEach(k -> errors.put(name + "." + k, "is not a property of " + name));
    }
  }

  private static int orElse(Integer v, int fallback) {
    return v == null ? fallback : v;
  }

  /** Reads typed properties, collecting every error. */
  private record Reader(JsonObject in, Map<String, String> errors) {

    String text(String name, boolean required, int max) {
      JsonValue v = in.get(name);
      if (v == null || v == JsonValue.NULL) {
        if (required) {
          errors.put(name, "is required");
        }
        return "";
      }
      if (!(v instanceof JsonString s)) {
        errors.put(name, "is a text");
        return "";
      }
      String t = s.getString().strip();
      if (required && t.isEmpty()) {
        errors.put(name, "is required");
      } else if (t.length() > max) {
        errors.put(name, "is at most " + max + " characters");
      }
      return t;
    }

    List<String> texts(String name, int max) {
      JsonValue v = in.get(name);
      List<String> out = new ArrayList<>();
      if (v == null || v == JsonValue.NULL) {
        return out;
      }
      if (!(v instanceof JsonArray a) || a.size() > max) {
        errors.put(name, "is a list of at most " + max + " texts");
        return out;
      }
      for (JsonValue e : a) {
        if (!(e instanceof JsonString s)
            || s.getString().isBlank()
            || s.getString().length() > 200) {
          errors.put(name, "is a list of texts of 1 to 200 characters");
          return List.of();
        }
        out.add(s.getString().strip());
      }
      return out;
    }

    Double decimal(String name, double min, double max) {
      JsonValue v = in.get(name);
      if (v == null || v == JsonValue.NULL) {
        return null;
      }
      if (!(v instanceof JsonNumber n) || n.doubleValue() < min || n.doubleValue() > max) {
        errors.put(name, "is a number from " + min + " to " + max);
        return null;
      }
      return n.doubleValue();
    }

    Integer integer(JsonObject from, String name, boolean required, int min, int max) {
      JsonValue v = from.get(name);
      String field = from == in ? name : prefix(from) + name;
      if (v == null || v == JsonValue.NULL) {
        if (required) {
          errors.put(field, "is required");
        }
        return null;
      }
      if (!(v instanceof JsonNumber n)
          || !n.isIntegral()
          || n.longValue() < min
          || n.longValue() > max) {
        errors.put(field, "is a whole number from " + min + " to " + max);
        return null;
      }
      return n.intValue();
    }

    private String prefix(JsonObject nested) {
      for (String key : List.of("slots", "fees", "rules")) {
        if (in.get(key) == nested) {
          return key + ".";
        }
      }
      return "";
    }

    JsonObject object(String name, boolean required) {
      JsonValue v = in.get(name);
      if (v == null || v == JsonValue.NULL) {
        if (required) {
          errors.put(name, "is required");
        }
        return null;
      }
      if (!(v instanceof JsonObject o)) {
        errors.put(name, "is an object");
        return null;
      }
      return o;
    }
  }
}
