package tw.gov.civitas.spi.runtime;

import java.util.List;
import java.util.Optional;

/**
 * Read access to what sites have published (for portals, listings and page modules): the same items
 * the public delivery API shows, never drafts.
 */
public interface PublishedContent {

  /** The newest published items of a type on a site, at most {@code limit} (1–100). */
  List<PublishedItem> newest(String siteKey, String type, int limit);

  Optional<PublishedItem> find(String siteKey, String slug);
}
