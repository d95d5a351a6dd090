package tw.gov.civitas.security;

/**
 * Keycloak did not answer in time or could not be reached: the caller's request cannot be completed
 * now, but may be retried (the API answers 503 with Retry-After).
 */
public class IdentityProviderUnavailableException extends RuntimeException {

  public IdentityProviderUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
