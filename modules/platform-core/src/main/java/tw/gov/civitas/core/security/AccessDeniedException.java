package tw.gov.civitas.core.security;

/** The caller is known but lacks the permission on that site; nothing was done. */
public class AccessDeniedException extends RuntimeException {
  public AccessDeniedException(String message) {
    super(message);
  }
}
