package tw.gov.civitas.spi.runtime;

/**
 * An upload is larger than its field accepts: an {@link InvalidInputException} on that field, which
 * the citizen's form page answers with 413 (Content Too Large) and the message next to the field.
 */
public class FileTooLargeException extends InvalidInputException {

  public FileTooLargeException(String field, String message) {
    super(java.util.Map.of(field, message));
  }
}
