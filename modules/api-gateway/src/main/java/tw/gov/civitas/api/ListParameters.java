package tw.gov.civitas.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tw.gov.civitas.core.content.ContentQuery;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.error.FieldError;

/** Parses the list query parameters, refusing bad ones with a 400 that names each. */
public final class ListParameters {

  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

  private ListParameters() {}

  public static ContentQuery parse(
      List<String> sites,
      String type,
      String tag,
      String from,
      String to,
      String sort,
      String page,
      String size) {
    List<FieldError> errors = new ArrayList<>();
    int p = integer("page", page, 1, 1, 10_000, errors);
    int s = integer("size", size, 20, 1, 100, errors);
    Instant f = instant("from", from, errors);
    Instant t = instant("to", to, errors);
    if (sort != null && !ContentQuery.SORTS.contains(sort)) {
      errors.add(new FieldError("sort", "must be one of " + ContentQuery.SORTS));
    }
    if (type != null && !type.matches("[a-z][a-z0-9-]{0,63}")) {
      errors.add(new FieldError("type", "must be a content type name such as news"));
    }
    if (tag != null && tag.length() > 100) {
      errors.add(new FieldError("tag", "must be at most 100 characters"));
    }
    if (!errors.isEmpty()) {
      throw new ContentValidationException(errors);
    }
    return new ContentQuery(sites, blankToNull(type), blankToNull(tag), f, t, sort, p, s);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  public static int integer(
      String name, String value, int fallback, int min, int max, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(value);
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
    return fallback;
  }

  /**
   * A date ({@code 2026-06-19}, midnight in Taipei) or a date-time with offset; errors collected by
   * name.
   */
  public static Instant instant(String name, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay(TAIPEI).toInstant();
      }
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(name, "must be a date (2026-06-19) or a date-time with offset"));
      return null;
    }
  }
}
