package tw.gov.civitas.spi.runtime;

/**
 * The request contradicts the current state (a slot already booked): answered 409 as problem+json.
 */
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
