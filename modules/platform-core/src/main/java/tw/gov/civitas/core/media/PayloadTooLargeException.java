package tw.gov.civitas.core.media;

/** An upload larger than the platform accepts; nothing was stored. */
public class PayloadTooLargeException extends RuntimeException {
  public PayloadTooLargeException(String message) {
    super(message);
  }
}
