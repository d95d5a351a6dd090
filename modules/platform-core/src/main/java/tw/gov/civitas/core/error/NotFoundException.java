package tw.gov.civitas.core.error;

/** The site or item asked for does not exist (or is not visible to this caller). */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
