package tw.gov.civitas.core.media;

/**
 * The uploaded bytes are not of a type the platform accepts (whatever the file name says); nothing
 * was stored.
 */
public class UnsupportedContentException extends RuntimeException {
  public UnsupportedContentException(String message) {
    super(message);
  }
}
