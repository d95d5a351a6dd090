package tw.gov.civitas.core.error;

import java.util.List;

/** A write that does not satisfy its content type; nothing was stored. */
public class ContentValidationException extends RuntimeException {
  private final List<FieldError> errors;

  public ContentValidationException(List<FieldError> errors) {
    super("Invalid content: " + errors);
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
