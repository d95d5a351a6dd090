package tw.gov.civitas.spi.event;

/** A module's event, as other modules observe it ({@code @Observes ModuleEvent}). */
public interface ModuleEvent {

  String siteKey();

  /** Namespaced by the module that published it, e.g. {@code booking.booking-confirmed}. */
  String type();

  String payloadJson();
}
