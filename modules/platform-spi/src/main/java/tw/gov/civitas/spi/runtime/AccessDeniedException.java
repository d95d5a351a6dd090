package tw.gov.civitas.spi.runtime;

/** The current user may not do this: answered 401 (nobody signed in) or 403, as problem+json. */
public class AccessDeniedException extends RuntimeException {
  public AccessDeniedException(String message) {
    super(message);
  }
}
