package tw.gov.civitas.spi;

/** Where a module's editor page is linked from. */
public enum EditorSlot {
  /** A site's workspace: the page works on that site (its permission is checked on the site). */
  SITE,
  /**
   * The editor's start page, for everyone holding the page's permission on any site or
   * platform-wide.
   */
  DASHBOARD,
  /**
   * Platform administration: platform-level work (its permission is held through a platform role).
   */
  PLATFORM
}
