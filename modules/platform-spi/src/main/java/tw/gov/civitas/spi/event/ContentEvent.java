package tw.gov.civitas.spi.event;

import java.time.Instant;

/**
 * Fired (as a CDI event, after the change commits) when a site's published content changes. Observe
 * it with {@code @Observes ContentEvent}. Fields are added as new accessors, never removed.
 */
public interface ContentEvent {

  /** What happened to the item. */
  enum Kind {
    PUBLISHED,
    UNPUBLISHED,
    ARCHIVED,
    DELETED
  }

  Kind kind();

  String siteKey();

  String slug();

  /** The short type name, e.g. {@code news}. */
  String type();

  Instant at();
}
