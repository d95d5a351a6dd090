package tw.gov.civitas.spi.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A caller's input breaks a rule: answered 400 as problem+json listing each field and its message
 * (and shown next to the field in the editor). Nothing of the request is stored.
 */
public class InvalidInputException extends RuntimeException {

  private final Map<String, String> fieldErrors;

  /**
   * @param fieldErrors field name (as the caller sent it) → what is wrong with it, in reading order
   */
  public InvalidInputException(Map<String, String> fieldErrors) {
    super("Invalid input: " + fieldErrors);
    // in reading order, as given (Map.copyOf would not keep it)
    this.fieldErrors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
  }

  public static InvalidInputException field(String field, String message) {
    return new InvalidInputException(Map.of(field, message));
  }

  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }
}
