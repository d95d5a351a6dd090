package tw.gov.civitas.spi.runtime;

/**
 * The public sites' response cache. A module whose page modules show data it changed tells the
 * platform here (after its write commits, the site's cached pages are rendered again).
 */
public interface PublicPages {

  void changed(String siteKey);
}
