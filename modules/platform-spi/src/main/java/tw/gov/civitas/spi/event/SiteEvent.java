package tw.gov.civitas.spi.event;

import java.util.Optional;

/**
 * Fired (as a CDI event, after the change commits) when a site is created or its modules change.
 */
public interface SiteEvent {

  enum Kind {
    CREATED,
    MODULE_ENABLED,
    MODULE_DISABLED
  }

  Kind kind();

  String siteKey();

  /** For module events, the module enabled or disabled. */
  Optional<String> moduleId();
}
