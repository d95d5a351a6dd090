package tw.gov.civitas.core.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import tw.gov.civitas.core.security.AccessDeniedException;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.security.SiteAuthorization;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;

/**
 * What every content use case checks before anything else: the caller's permission on the site,
 * after the site is found (an unknown site is a 404) and before the item is looked up (a caller
 * without the right learns nothing of which slugs exist); and the review rule of publishing.
 */
@ApplicationScoped
public class ContentAuthorization {

  @Inject SiteRepository sites;
  @Inject SiteAuthorization authorization;
  @Inject ContentRepository repository;

  /** The site, once the caller is found to hold {@code permission} on it. */
  Site site(Caller caller, String siteKey, String permission) {
    Site site = sites.require(siteKey);
    require(caller, site, permission);
    return site;
  }

  /** The site's item, once the caller is found to hold {@code permission} on the site. */
  ContentItem item(Caller caller, String siteKey, String slug, String permission) {
    return item(caller, sites.require(siteKey), slug, permission);
  }

  ContentItem item(Caller caller, Site site, String slug, String permission) {
    require(caller, site, permission);
    return repository.require(site, slug);
  }

  /**
   * @throws AccessDeniedException when the caller does not hold the permission on the site
   */
  void require(Caller caller, Site site, String permission) {
    authorization.require(caller, site.getKey(), permission);
  }

  /**
   * Publishing, now or by a schedule, is a review: on some sites the author may not review their
   * own revision.
   */
  static void requireDistinctReviewer(Caller caller, Site site, String author) {
    if (site.isRequireDistinctReviewer()
        && caller.username().equals(author)
        && !caller.isPlatformAdmin()) {
      throw new AccessDeniedException(
          "Site '"
              + site.getKey()
              + "' requires another person than the author ("
              + author
              + ") to publish");
    }
  }
}
