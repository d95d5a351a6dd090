package tw.gov.civitas.spi;

/** A region of a site's public pages where page modules appear. */
public enum PageRegion {
  /** The site's home page, below its introduction. */
  HOME
}
