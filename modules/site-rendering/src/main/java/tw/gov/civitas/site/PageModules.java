package tw.gov.civitas.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.spi.PageModuleDescriptor;
import tw.gov.civitas.spi.PageRegion;

/**
 * Renders the page modules of a region for a site: those the site places there (its {@code
 * pageModules} setting, seeded by its template), else every enabled module's own for the region;
 * never one of a module it does not enable.
 */
@ApplicationScoped
public class PageModules {

  private static final Logger LOG = Logger.getLogger(PageModules.class.getName());

  @Inject Platform platform;
  @Inject ThemeRenderer renderer;

  /** Each module's HTML, escaped by its template; a module that fails is left out, not the page. */
  public List<String> render(Site site, PageRegion region, String lang) {
    List<String> html = new ArrayList<>();
    for (PageModuleDescriptor d :
        platform
            .registry()
            .pageModulesOf(site.getEnabledModules(), site.getPageModules(), region)) {
      try {
        Map<String, Object> model =
            new HashMap<>(CDI.current().select(d.model()).get().model(site.getKey(), lang));
        model.put("siteKey", site.getKey());
        model.put("lang", lang);
        html.add(renderer.render(site.getTheme(), d.template(), model, lang));
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Page module " + d.id() + " failed on site " + site.getKey() + "; left out",
            e);
      }
    }
    return html;
  }
}
