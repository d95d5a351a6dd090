package tw.gov.civitas.spi.runtime;

/**
 * Appends to the platform's audit trail, inside the caller's transaction: a write that rolls back
 * leaves no event, a write that commits always has one. The actor is the current user (or the
 * module's job, named {@code system:<module>}), and the client address is the request's. Record
 * last, after the write succeeded, as the platform's own services do.
 */
public interface AuditRecorder {

  /**
   * @param siteKey the site the write belongs to (null for a platform-level write)
   * @param action namespaced by the module, e.g. {@code booking.booking.confirm}
   * @param entityType e.g. {@code booking}
   * @param entityId the entity's id as the API shows it
   * @param before a JSON document (or plain text) of what was there before, or null
   * @param after a JSON document (or plain text) of what is there now, or null
   * @throws IllegalStateException outside a transaction, or for an action outside the module's
   *     namespace
   */
  void record(
      String siteKey,
      String action,
      String entityType,
      String entityId,
      String before,
      String after);
}
