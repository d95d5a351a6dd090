package tw.gov.civitas.spi.runtime;

/**
 * The public sites' response cache. A module whose page modules show data it changed tells the
 * platform here (after its write commits, the site's cached pages are rendered again). A module's
 * own cacheable answers (a venue's availability, its public page) name what they show with {@link
 * #depends} and are rendered again after {@link #changed(String, String)} for that key only.
 */
public interface PublicPages {

  /** Every cached page of the site is stale once the current transaction commits. */
  void changed(String siteKey);

  /**
   * The answer being rendered (a public GET of one of the module's operations or public pages)
   * shows the module's data named {@code key} (e.g. {@code booking.venue.3}): it may be kept by the
   * response cache until that key changes. Call it <em>before</em> reading the data, so a change
   * committed meanwhile leaves the answer stale. Outside a cacheable answer it does nothing.
   */
  void depends(String siteKey, String key);

  /**
   * The answers that {@link #depends depend} on {@code key} are stale once the transaction commits.
   */
  void changed(String siteKey, String key);
}
