package tw.gov.civitas.core.module;

/**
 * A plug-in module's data as the response cache sees it: a key of the module's own (e.g. {@code
 * booking.venue.3}) that a public answer {@link Shown shows} and that a write {@link Changed
 * changes}. Fired by the runtime's {@code PublicPages}; the cache observes both.
 */
public final class ModuleData {

  private ModuleData() {}

  /** The answer being rendered shows this key's data (fired before the data is read). */
  public record Shown(String siteKey, String key) {}

  /** This key's data changed in the current transaction. */
  public record Changed(String siteKey, String key) {}
}
