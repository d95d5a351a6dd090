package tw.gov.civitas.core.module;

/** The installed modules do not fit together; the deployment must not start. */
public class ModuleRegistrationException extends RuntimeException {
  public ModuleRegistrationException(String message) {
    super(message);
  }
}
