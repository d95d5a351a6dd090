package tw.gov.civitas.core.content;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.error.FieldError;
import tw.gov.civitas.core.net.LinkTarget;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.spi.ContentTypeDescriptor;
import tw.gov.civitas.spi.FieldDescriptor;
import tw.gov.civitas.spi.FieldKind;

/**
 * Checks submitted field values against a content type and returns them normalized: translatable
 * fields become {@code {"zh-TW": …, "en": …}} objects, rich text is sanitized. Collects every
 * field's error before refusing, so an editor can fix them all at once.
 */
public final class ContentValidator {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,198}[a-z0-9])?");

  /** What a validation must ask the database: whether referenced items and media exist. */
  public interface References {
    /**
     * @param type short type name the item must have, or null for any
     */
    boolean itemExists(String slug, String type);

    /**
     * @param kind {@code image}, {@code document}, or null for either
     */
    boolean mediaExists(String id, String kind);

    /** Accepts every reference: for checks that do not reach the database. */
    References ANY =
        new References() {
          @Override
          public boolean itemExists(String slug, String type) {
            return true;
          }

          @Override
          public boolean mediaExists(String id, String kind) {
            return true;
          }
        };
  }

  private ContentValidator() {}

  public static void checkSlug(String slug, List<FieldError> errors) {
    if (slug == null || slug.isBlank()) {
      errors.add(new FieldError("slug", "is required"));
    } else if (!SLUG.matcher(slug).matches()) {
      errors.add(
          new FieldError(
              "slug",
              "must be 1-200 lower-case letters, digits or '-', not starting or ending with '-'"));
    } else if (RESERVED_SLUGS.contains(slug)) {
      errors.add(
          new FieldError("slug", "is the address of a page every site has: " + RESERVED_SLUGS));
    }
  }

  /**
   * Addresses of the public site's own pages (lists, search, site map), which no item may take.
   * {@code services} stays an item's address (the site templates' 便民服務 page): modules' public pages
   * are the addresses below it ({@code services/<module>/<name>}), which no item has.
   */
  public static final java.util.Set<String> RESERVED_SLUGS =
      java.util.Set.of("list", "search", "site-map");

  public static JsonObject validate(
      ContentTypeDescriptor type,
      JsonObject fields,
      String defaultLanguage,
      List<FieldError> errors) {
    return validate(type, fields, defaultLanguage, errors, References.ANY);
  }

  /**
   * @param defaultLanguage where a plain string goes for a translatable field
   * @throws ContentValidationException listing every field's error, plus those already in {@code
   *     errors}
   */
  public static JsonObject validate(
      ContentTypeDescriptor type,
      JsonObject fields,
      String defaultLanguage,
      List<FieldError> errors,
      References refs) {
    List<FieldError> all = new ArrayList<>(errors);
    JsonObject out = object(type.fields(), fields, "fields", defaultLanguage, all, refs, type.id());
    if (!all.isEmpty()) {
      throw new ContentValidationException(all);
    }
    return out;
  }

  private static JsonObject object(
      List<FieldDescriptor> descriptors,
      JsonObject in,
      String prefix,
      String defaultLanguage,
      List<FieldError> all,
      References refs,
      String owner) {
    JsonObjectBuilder out = Json.createObjectBuilder();
    JsonObject values = in == null ? JsonValue.EMPTY_JSON_OBJECT : in;
    for (String name : values.keySet()) {
      if (descriptors.stream().noneMatch(d -> d.name().equals(name))) {
        all.add(new FieldError(prefix + "." + name, "is not a field of " + owner));
      }
    }
    for (FieldDescriptor field : descriptors) {
      JsonValue value = values.get(field.name());
      String path = prefix + "." + field.name();
      if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
        if (field.required()) {
          all.add(new FieldError(path, "is required"));
        }
        continue;
      }
      if (field.translatable() && value.getValueType() == JsonValue.ValueType.OBJECT) {
        JsonObjectBuilder perLanguage = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> e : value.asJsonObject().entrySet()) {
          if (!Site.LANGUAGES.contains(e.getKey())) {
            all.add(
                new FieldError(
                    path + "." + e.getKey(), "is not a supported language " + Site.LANGUAGES));
            continue;
          }
          JsonValue v =
              single(field, e.getValue(), path + "." + e.getKey(), defaultLanguage, all, refs);
          if (v != null) {
            perLanguage.add(e.getKey(), v);
          }
        }
        JsonObject built = perLanguage.build();
        boolean fieldHasErrors =
            all.stream()
                .anyMatch(err -> err.field().equals(path) || err.field().startsWith(path + "."));
        if (field.required() && !fieldHasErrors && !built.containsKey(defaultLanguage)) {
          all.add(
              new FieldError(
                  path + "." + defaultLanguage, "is required in the site's default language"));
        }
        out.add(field.name(), built);
      } else {
        JsonValue v = single(field, value, path, defaultLanguage, all, refs);
        if (v != null) {
          out.add(
              field.name(),
              field.translatable()
                  ? Json.createObjectBuilder().add(defaultLanguage, v).build()
                  : v);
        }
      }
    }
    return out.build();
  }

  private static JsonValue single(
      FieldDescriptor field,
      JsonValue value,
      String path,
      String defaultLanguage,
      List<FieldError> errors,
      References refs) {
    switch (field.kind()) {
      case TEXT, RICH_TEXT, ENUM -> {
        String s = string(value, path, errors);
        if (s == null) {
          return null;
        }
        if (field.required() && s.isBlank()) {
          errors.add(new FieldError(path, "is required"));
          return null;
        }
        if (field.maxLength() > 0 && s.codePointCount(0, s.length()) > field.maxLength()) {
          errors.add(new FieldError(path, "must be at most " + field.maxLength() + " characters"));
          return null;
        }
        if (field.kind() == FieldKind.ENUM && !field.allowedValues().contains(s)) {
          errors.add(new FieldError(path, "must be one of " + field.allowedValues()));
          return null;
        }
        if (field.pattern() != null && !matches(field.pattern(), s)) {
          errors.add(new FieldError(path, "does not have the expected form"));
          return null;
        }
        return field.kind() == FieldKind.RICH_TEXT
            ? Json.createValue(RichTextSanitizer.sanitize(s))
            : value;
      }
      case INTEGER, DECIMAL -> {
        if (value.getValueType() != JsonValue.ValueType.NUMBER
            || field.kind() == FieldKind.INTEGER && !((JsonNumber) value).isIntegral()) {
          errors.add(
              new FieldError(
                  path,
                  field.kind() == FieldKind.INTEGER ? "must be an integer" : "must be a number"));
          return null;
        }
        BigDecimal n = ((JsonNumber) value).bigDecimalValue();
        if (!inRange(n.doubleValue(), field.min(), field.max())) {
          errors.add(
              new FieldError(
                  path, "must be between " + bound(field.min()) + " and " + bound(field.max())));
          return null;
        }
        return field.kind() == FieldKind.DECIMAL ? Json.createValue(n) : value;
      }
      case BOOLEAN -> {
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
          errors.add(new FieldError(path, "must be true or false"));
          return null;
        }
        return value;
      }
      case DATE -> {
        return parsed(
            value, path, errors, "a date (YYYY-MM-DD)", s -> LocalDate.parse(s).toString());
      }
      case DATE_TIME -> {
        return parsed(
            value,
            path,
            errors,
            "a date-time with offset (e.g. 2026-06-19T09:00:00+08:00)",
            s -> OffsetDateTime.parse(s).toString());
      }
      case URL -> {
        String url = string(value, path, errors);
        if (url == null) {
          return null;
        }
        if (field.maxLength() > 0 && url.length() > field.maxLength()) {
          errors.add(new FieldError(path, "must be at most " + field.maxLength() + " characters"));
          return null;
        }
        if (!LinkTarget.isAllowed(url)) {
          errors.add(new FieldError(path, LinkTarget.RULE));
          return null;
        }
        return value;
      }
      case REFERENCE -> {
        String slug = string(value, path, errors);
        if (slug != null && !refs.itemExists(slug, field.target())) {
          errors.add(
              new FieldError(
                  path,
                  "no "
                      + (field.target() == null ? "item" : field.target())
                      + " '"
                      + slug
                      + "' on this site"));
          return null;
        }
        return slug == null ? null : value;
      }
      case MEDIA -> {
        String id = string(value, path, errors);
        if (id != null && !refs.mediaExists(id, field.target())) {
          errors.add(
              new FieldError(
                  path,
                  "no "
                      + (field.target() == null ? "media" : field.target())
                      + " '"
                      + id
                      + "' on this site"));
          return null;
        }
        return id == null ? null : value;
      }
      case LOCATION -> {
        return location(value, path, errors);
      }
      case GROUP -> {
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
          errors.add(new FieldError(path, "must be a list of entries"));
          return null;
        }
        int size = value.asJsonArray().size();
        if (!inRange(size, field.min(), field.max())) {
          errors.add(
              new FieldError(
                  path,
                  "must have between "
                      + bound(field.min())
                      + " and "
                      + bound(field.max())
                      + " entries"));
          return null;
        }
        JsonArrayBuilder entries = Json.createArrayBuilder();
        for (int i = 0; i < size; i++) {
          JsonValue entry = value.asJsonArray().get(i);
          if (entry.getValueType() != JsonValue.ValueType.OBJECT) {
            errors.add(new FieldError(path + "[" + i + "]", "must be an object"));
            continue;
          }
          entries.add(
              object(
                  field.children(),
                  entry.asJsonObject(),
                  path + "[" + i + "]",
                  defaultLanguage,
                  errors,
                  refs,
                  field.name()));
        }
        return entries.build();
      }
      default -> throw new IllegalStateException("unhandled field kind " + field.kind());
    }
  }

  private static JsonValue location(JsonValue value, String path, List<FieldError> errors) {
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      errors.add(new FieldError(path, "must be {\"lat\", \"lon\", \"address\"}"));
      return null;
    }
    JsonObject o = value.asJsonObject();
    JsonObjectBuilder b = Json.createObjectBuilder();
    boolean ok = true;
    for (String axis : List.of("lat", "lon")) {
      double limit = "lat".equals(axis) ? 90 : 180;
      if (!(o.get(axis) instanceof JsonNumber n) || Math.abs(n.doubleValue()) > limit) {
        errors.add(
            new FieldError(
                path + "." + axis, "must be a number from -" + (int) limit + " to " + (int) limit));
        ok = false;
      } else {
        b.add(axis, n.bigDecimalValue());
      }
    }
    JsonValue address = o.get("address");
    if (address != null && address.getValueType() != JsonValue.ValueType.NULL) {
      if (!(address instanceof JsonString s) || s.getString().length() > 300) {
        errors.add(new FieldError(path + ".address", "must be text of at most 300 characters"));
        ok = false;
      } else {
        b.add("address", s.getString());
      }
    }
    for (String k : o.keySet()) {
      if (!Set.of("lat", "lon", "address").contains(k)) {
        errors.add(new FieldError(path + "." + k, "is not part of a location"));
        ok = false;
      }
    }
    return ok ? b.build() : null;
  }

  private static String string(JsonValue value, String path, List<FieldError> errors) {
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      errors.add(new FieldError(path, "must be a string"));
      return null;
    }
    String s = ((JsonString) value).getString();
    if (s.indexOf('\u0000') >= 0) {
      errors.add(new FieldError(path, "must not contain NUL characters"));
      return null;
    }
    return s;
  }

  private static boolean matches(String pattern, String value) {
    try {
      return Pattern.compile(pattern).matcher(value).matches();
    } catch (PatternSyntaxException e) {
      throw new IllegalStateException(
          "content type pattern is not a regular expression: " + pattern, e);
    }
  }

  private static boolean inRange(double v, Double min, Double max) {
    return (min == null || v >= min) && (max == null || v <= max);
  }

  private static String bound(Double d) {
    if (d == null) {
      return "any";
    }
    return d == Math.rint(d) ? String.valueOf(d.longValue()) : d.toString();
  }

  private static JsonValue parsed(
      JsonValue value,
      String path,
      List<FieldError> errors,
      String expected,
      java.util.function.UnaryOperator<String> parser) {
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      errors.add(new FieldError(path, "must be " + expected));
      return null;
    }
    try {
      return Json.createValue(parser.apply(((JsonString) value).getString()));
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(path, "must be " + expected));
      return null;
    }
  }
}
