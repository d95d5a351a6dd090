package tw.gov.civitas.spi.runtime;

/**
 * What the caller asked for does not exist (or is not theirs to see): answered 404 as problem+json.
 */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
