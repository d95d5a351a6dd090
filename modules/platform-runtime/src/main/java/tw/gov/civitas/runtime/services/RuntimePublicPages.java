package tw.gov.civitas.runtime.services;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import tw.gov.civitas.core.module.ModuleData;
import tw.gov.civitas.core.tenancy.SiteService;
import tw.gov.civitas.spi.runtime.PublicPages;

/**
 * The SPI's cache control: a site-wide invalidation is the same as a change of the site's settings;
 * a module's own keys are tags of the response cache, which observes both events.
 */
@ApplicationScoped
public class RuntimePublicPages implements PublicPages {

  @Inject Event<SiteService.SiteChanged> changed;
  @Inject Event<ModuleData.Shown> shown;
  @Inject Event<ModuleData.Changed> keyChanged;

  @Override
  public void changed(String siteKey) {
    // The cache observes it after the current transaction commits (at once without one).
    changed.fire(new SiteService.SiteChanged(siteKey));
  }

  @Override
  public void depends(String siteKey, String key) {
    shown.fire(new ModuleData.Shown(siteKey, key));
  }

  @Override
  public void changed(String siteKey, String key) {
    keyChanged.fire(new ModuleData.Changed(siteKey, key));
  }
}
