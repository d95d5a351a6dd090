package tw.gov.civitas.core.error;

/** The request is valid but clashes with the current state (slug taken, illegal transition). */
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
