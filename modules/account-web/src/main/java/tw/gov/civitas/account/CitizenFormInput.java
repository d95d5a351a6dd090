package tw.gov.civitas.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tw.gov.civitas.spi.CitizenFormDescriptor;
import tw.gov.civitas.spi.CitizenFormPreparation;
import tw.gov.civitas.spi.CitizenFormPreparation.Option;
import tw.gov.civitas.spi.FieldDescriptor;
import tw.gov.civitas.spi.FieldKind;

/**
 * What a citizen sent in a form's fields other than files, checked against each field's kind and
 * against what the form offers for this request (the handler's {@link CitizenFormPreparation}),
 * before the handler sees any of it: a whole number within its bounds, a box that must be ticked,
 * an ISO date, choices among the options offered. The browser's own checks (required, min, max,
 * type) are a convenience; these are the ones that count.
 */
final class CitizenFormInput {

  /** How the values of a field taking several are joined for the handler (as the SPI says). */
  static final String SEPARATOR = ",";

  private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]{1,18}");
  private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  /**
   * The form's values for its handler (field name → value, the context's values after them) and
   * each field's message; nothing may be stored unless {@code errors} is empty.
   */
  record Checked(Map<String, String> values, Map<String, String> errors) {}

  private CitizenFormInput() {}

  /**
   * @param sent field name → the values the request carried for it (a field sent without a value
   *     may be absent)
   */
  static Checked check(
      CitizenFormDescriptor form,
      CitizenFormPreparation preparation,
      Map<String, List<String>> sent) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldDescriptor f : form.fields()) {
      if (f.kind() == FieldKind.FILE) {
        continue; // checked by its content when stored (CitizenFormSubmissions)
      }
      List<String> given =
          sent.getOrDefault(f.name(), List.of()).stream().filter(v -> !v.isEmpty()).toList();
      String error =
          switch (f.kind()) {
            case INTEGER -> whole(f, first(given), values);
            case BOOLEAN -> box(f, given, values);
            case DATE -> date(f, first(given), values);
            case ENUM -> choice(f, given, options(f, preparation), values);
            default -> text(f, sent.getOrDefault(f.name(), List.of()), values);
          };
      if (error != null) {
        errors.put(f.name(), error);
      }
    }
    values.putAll(preparation.context());
    return new Checked(values, errors);
  }

  /**
   * What a choice field offers for this request: the preparation's options (of a fixed list, those
   * among its values), else the field's own values, each labelled by itself.
   */
  static List<Option> options(FieldDescriptor field, CitizenFormPreparation preparation) {
    List<Option> prepared = preparation.options(field.name());
    if (field.allowedValues().isEmpty()) {
      return prepared;
    }
    if (prepared.isEmpty()) {
      return field.allowedValues().stream().map(v -> new Option(v, v, v)).toList();
    }
    return prepared.stream().filter(o -> field.allowedValues().contains(o.value())).toList();
  }

  /** The values a form starts with: each field's initial value from the preparation. */
  static Map<String, String> initial(CitizenFormDescriptor form, CitizenFormPreparation prep) {
    Map<String, String> values = new LinkedHashMap<>();
    for (FieldDescriptor f : form.fields()) {
      if (f.kind() != FieldKind.FILE) {
        values.put(f.name(), prep.value(f.name()));
      }
    }
    return values;
  }

  /** The values of a choice field as a form shows them again (several are joined). */
  static Set<String> chosen(String value) {
    Set<String> chosen = new LinkedHashSet<>();
    for (String v : value.split(SEPARATOR, -1)) {
      if (!v.isEmpty()) {
        chosen.add(v);
      }
    }
    return chosen;
  }

  /** A number bound as a form shows it: {@code 1}, not {@code 1.0}. */
  static String bound(Double bound) {
    return new BigDecimal(bound.toString()).stripTrailingZeros().toPlainString();
  }

  private static String first(List<String> given) {
    return given.isEmpty() ? "" : given.get(0).strip();
  }

  private static String text(FieldDescriptor f, List<String> given, Map<String, String> values) {
    String value = given.isEmpty() ? "" : given.get(0);
    values.put(f.name(), value);
    if (value.isBlank()) {
      return f.required() ? "is required" : null;
    }
    if (f.maxLength() > 0 && value.length() > f.maxLength()) {
      return "is at most " + f.maxLength() + " characters";
    }
    if (f.pattern() != null && !matches(f.pattern(), value)) {
      return "is not in the form expected";
    }
    return null;
  }

  private static boolean matches(String pattern, String value) {
    try {
      return Pattern.compile(pattern).matcher(value).matches();
    } catch (PatternSyntaxException e) {
      throw new IllegalStateException("field pattern " + pattern + " does not compile", e);
    }
  }

  private static String whole(FieldDescriptor f, String value, Map<String, String> values) {
    values.put(f.name(), value);
    if (value.isEmpty()) {
      return f.required() ? "is required" : null;
    }
    if (!WHOLE.matcher(value).matches()) {
      return "must be a whole number" + range(f);
    }
    long number = Long.parseLong(value);
    if (f.min() != null && number < f.min() || f.max() != null && number > f.max()) {
      return "must be a whole number" + range(f);
    }
    values.put(f.name(), Long.toString(number)); // "+03" reaches the handler as "3"
    return null;
  }

  private static String range(FieldDescriptor f) {
    if (f.min() != null && f.max() != null) {
      return " from " + bound(f.min()) + " to " + bound(f.max());
    }
    if (f.min() != null) {
      return " of at least " + bound(f.min());
    }
    return f.max() != null ? " of at most " + bound(f.max()) : "";
  }

  private static String box(FieldDescriptor f, List<String> given, Map<String, String> values) {
    boolean ticked = given.equals(List.of("true"));
    values.put(f.name(), Boolean.toString(ticked));
    if (!given.isEmpty() && !ticked) {
      return "is ticked or left empty"; // a box sends "true" or nothing
    }
    return f.required() && !ticked ? "must be ticked" : null;
  }

  private static String date(FieldDescriptor f, String value, Map<String, String> values) {
    values.put(f.name(), value);
    if (value.isEmpty()) {
      return f.required() ? "is required" : null;
    }
    try {
      if (ISO_DATE.matcher(value).matches()) {
        LocalDate.parse(value); // ISO_LOCAL_DATE resolves strictly: no 30 February
        return null;
      }
    } catch (DateTimeParseException e) {
      // as any other text that is no date
    }
    return "must be a date (yyyy-mm-dd)";
  }

  private static String choice(
      FieldDescriptor f, List<String> given, List<Option> offered, Map<String, String> values) {
    List<String> offeredValues = offered.stream().map(Option::value).toList();
    List<String> chosen = new ArrayList<>();
    for (String v : given) {
      if (!offeredValues.contains(v)) {
        values.put(f.name(), String.join(SEPARATOR, given));
        return quoted(v) + " is not among the choices offered";
      }
      if (!chosen.contains(v)) {
        chosen.add(v);
      }
    }
    // in the order offered, whatever order the browser sent them in
    List<String> ordered = offeredValues.stream().filter(chosen::contains).toList();
    values.put(f.name(), String.join(SEPARATOR, ordered));
    if (ordered.isEmpty()) {
      return f.required() ? (f.multiple() ? "choose at least one" : "is required") : null;
    }
    return ordered.size() > 1 && !f.multiple() ? "takes one choice only" : null;
  }

  private static String quoted(String value) {
    String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
    return "\u201c" + shown + "\u201d";
  }
}
