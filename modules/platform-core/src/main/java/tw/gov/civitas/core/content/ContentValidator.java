package tw.gov.civitas.core.content;

import jakarta.json.Json;
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
import tw.gov.civitas.spi.ContentTypeDescriptor;
import tw.gov.civitas.spi.FieldDescriptor;

/**
 * Checks submitted field values against a content type and returns them normalized: translatable
 * fields become {@code {"zh-TW": …, "en": …}} objects, rich text is sanitized. Collects every
 * field's error before refusing, so an editor can fix them all at once.
 */
public final class ContentValidator {

  /** The languages content is written in: Traditional Chinese first, English second. */
  public static final Set<String> LANGUAGES = Set.of("zh-TW", "en");

  private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,198}[a-z0-9])?");

  private ContentValidator() {}

  public static void checkSlug(String slug, List<FieldError> errors) {
    if (slug == null || slug.isBlank()) {
      errors.add(new FieldError("slug", "is required"));
    } else if (!SLUG.matcher(slug).matches()) {
      errors.add(new FieldError("slug", "must be 1-200 lower-case letters, digits or '-', not starting or ending with '-'"));
    }
  }

  /**
   * @param defaultLanguage where a plain string goes for a translatable field
   * @throws ContentValidationException listing every field's error, plus those already in {@code errors}
   */
  public static JsonObject validate(ContentTypeDescriptor type, JsonObject fields, String defaultLanguage,
      List<FieldError> errors) {
    List<FieldError> all = new ArrayList<>(errors);
    JsonObjectBuilder out = Json.createObjectBuilder();
    JsonObject in = fields == null ? JsonValue.EMPTY_JSON_OBJECT : fields;
    for (String name : in.keySet()) {
      if (type.field(name).isEmpty()) {
        all.add(new FieldError("fields." + name, "is not a field of " + type.id()));
      }
    }
    for (FieldDescriptor field : type.fields()) {
      JsonValue value = in.get(field.name());
      String path = "fields." + field.name();
      if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
        if (field.required()) {
          all.add(new FieldError(path, "is required"));
        }
        continue;
      }
      if (field.translatable() && value.getValueType() == JsonValue.ValueType.OBJECT) {
        JsonObjectBuilder perLanguage = Json.createObjectBuilder();
        JsonObject translations = value.asJsonObject();
        for (Map.Entry<String, JsonValue> e : translations.entrySet()) {
          if (!LANGUAGES.contains(e.getKey())) {
            all.add(new FieldError(path + "." + e.getKey(), "is not a supported language " + LANGUAGES));
            continue;
          }
          JsonValue v = single(field, e.getValue(), path + "." + e.getKey(), all);
          if (v != null) {
            perLanguage.add(e.getKey(), v);
          }
        }
        JsonObject built = perLanguage.build();
        boolean fieldHasErrors = all.stream().anyMatch(err -> err.field().equals(path) || err.field().startsWith(path + "."));
        if (field.required() && !fieldHasErrors && !built.containsKey(defaultLanguage)) {
          all.add(new FieldError(path + "." + defaultLanguage, "is required in the site's default language"));
        }
        out.add(field.name(), built);
      } else {
        JsonValue v = single(field, value, path, all);
        if (v != null) {
          out.add(field.name(), field.translatable() ? Json.createObjectBuilder().add(defaultLanguage, v).build() : v);
        }
      }
    }
    if (!all.isEmpty()) {
      throw new ContentValidationException(all);
    }
    return out.build();
  }

  private static JsonValue single(FieldDescriptor field, JsonValue value, String path, List<FieldError> errors) {
    switch (field.kind()) {
      case TEXT, RICH_TEXT, ENUM -> {
        if (value.getValueType() != JsonValue.ValueType.STRING) {
          errors.add(new FieldError(path, "must be a string"));
          return null;
        }
        String s = ((JsonString) value).getString();
        if (field.required() && s.isBlank()) {
          errors.add(new FieldError(path, "is required"));
          return null;
        }
        if (field.maxLength() > 0 && s.codePointCount(0, s.length()) > field.maxLength()) {
          errors.add(new FieldError(path, "must be at most " + field.maxLength() + " characters"));
          return null;
        }
        if (field.kind() == tw.gov.civitas.spi.FieldKind.ENUM && !field.allowedValues().contains(s)) {
          errors.add(new FieldError(path, "must be one of " + field.allowedValues()));
          return null;
        }
        if (field.kind() == tw.gov.civitas.spi.FieldKind.RICH_TEXT) {
          return Json.createValue(RichTextSanitizer.sanitize(s));
        }
        return value;
      }
      case INTEGER -> {
        if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
          errors.add(new FieldError(path, "must be an integer"));
          return null;
        }
        return value;
      }
      case DECIMAL -> {
        if (value.getValueType() != JsonValue.ValueType.NUMBER) {
          errors.add(new FieldError(path, "must be a number"));
          return null;
        }
        return Json.createValue(new BigDecimal(value.toString()));
      }
      case BOOLEAN -> {
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
          errors.add(new FieldError(path, "must be true or false"));
          return null;
        }
        return value;
      }
      case DATE -> {
        return parsed(value, path, errors, "a date (YYYY-MM-DD)", s -> LocalDate.parse(s).toString());
      }
      case DATE_TIME -> {
        return parsed(value, path, errors, "a date-time with offset (e.g. 2026-06-19T09:00:00+08:00)",
            s -> OffsetDateTime.parse(s).toString());
      }
      default -> {
        // Media, references, locations and groups arrive with the media and relations work; refuse
        // rather than store something unchecked.
        errors.add(new FieldError(path, "fields of kind " + field.kind() + " cannot be written yet"));
        return null;
      }
    }
  }

  private static JsonValue parsed(JsonValue value, String path, List<FieldError> errors, String expected,
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
