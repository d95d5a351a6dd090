package tw.gov.civitas.runtime.services;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import tw.gov.civitas.core.tenancy.SiteService;
import tw.gov.civitas.spi.runtime.PublicPages;

/** The SPI's cache control: the same site-wide invalidation as a change of the site's settings. */
@ApplicationScoped
public class RuntimePublicPages implements PublicPages {

  @Inject Event<SiteService.SiteChanged> changed;

  @Override
  public void changed(String siteKey) {
    // The cache observes it after the current transaction commits (at once without one).
    changed.fire(new SiteService.SiteChanged(siteKey));
  }
}
