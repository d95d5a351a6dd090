package tw.gov.civitas.editor;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import tw.gov.civitas.core.error.ContentValidationException;

/** A form's messages by field, as its screen shows them next to the fields and in the summary. */
final class FieldErrors implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Map<String, String> messages = new HashMap<>();

  /**
   * The service's messages in the screen's language, the first one per field; an entry of a list
   * ({@code items[2]}) stands at the list's field.
   */
  void addAll(ContentValidationException e, Locale locale) {
    e.errors()
        .forEach(
            x ->
                messages.merge(
                    x.field().replaceAll("\\[\\d+\\]$", ""),
                    FieldMessages.localize(x.message(), locale),
                    (a, b) -> a));
  }

  void put(String field, String message) {
    messages.put(field, message);
  }

  String get(String field) {
    return messages.get(field);
  }

  boolean isEmpty() {
    return messages.isEmpty();
  }

  void clear() {
    messages.clear();
  }
}
