package tw.gov.civitas.spi.event;

/**
 * A module's own events (a booking confirmed, an application received). Each is written in the
 * current transaction to the webhook outbox of the site (so subscribers receive it exactly when the
 * write commits, with the Standard Webhooks signature) and fired as a CDI {@link ModuleEvent} to
 * other modules after commit.
 */
public interface ModuleEvents {

  /**
   * @param siteKey the site the event belongs to
   * @param type namespaced by the module, e.g. {@code booking.booking-confirmed}
   * @param payloadJson a JSON object, what subscribers receive as {@code data}
   */
  void publish(String siteKey, String type, String payloadJson);
}
