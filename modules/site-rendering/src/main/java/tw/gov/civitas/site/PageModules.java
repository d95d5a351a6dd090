package tw.gov.civitas.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.core.tenancy.PageLayouts;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.spi.PageModuleContext;
import tw.gov.civitas.spi.PageModuleDescriptor;
import tw.gov.civitas.spi.PageRegion;
import tw.gov.civitas.web.cache.CacheTags;

/**
 * Renders the page modules of a site's pages: the placements of its page layout (home and section
 * pages, region by region), and on the home page also the plug-in modules' own (their {@code
 * pageModules} placement, else every enabled module's for the region); never a module the site does
 * not enable.
 */
@ApplicationScoped
public class PageModules {

  private static final Logger LOG = Logger.getLogger(PageModules.class.getName());

  @Inject Platform platform;
  @Inject ThemeRenderer renderer;
  @Inject HttpServletRequest request;

  /**
   * A page's regions ({@code hero}, {@code main}, {@code side}) with the HTML of their modules, in
   * order; a module that fails is left out, not the page.
   *
   * @param page {@code home} or a section page's slug
   */
  public Map<String, List<String>> layout(Site site, String page, String lang) {
    // what page modules show is the site's published content: any change may change it
    CacheTags.tag(request, CacheTags.lists(site.getKey()));
    Map<String, List<String>> regions = new LinkedHashMap<>();
    Map<String, List<PageLayouts.Placement>> placed =
        PageLayouts.placements(site.getPageLayouts(), page);
    int n = 0;
    for (var region : placed.entrySet()) {
      List<String> html = new ArrayList<>();
      for (PageLayouts.Placement p : region.getValue()) {
        var descriptor = platform.registry().pageModule(p.module());
        if (descriptor.isEmpty()
            || !platform
                .registry()
                .enabledOn(site.getEnabledModules(), descriptor.get().moduleId())) {
          continue; // a plug-in removed or disabled since the layout was saved
        }
        String anchor = "module-" + page + "-" + region.getKey() + "-" + ++n;
        render(
                site,
                descriptor.get(),
                new PageModuleContext(site.getKey(), lang, page, p.settings()),
                anchor)
            .ifPresent(html::add);
      }
      regions.put(region.getKey(), html);
    }
    if ("home".equals(page)) {
      for (String module : render(site, PageRegion.HOME, lang)) {
        regions.get("main").add(module);
      }
    }
    return regions;
  }

  /** The plug-in modules' page modules of a region: see the class comment. */
  public List<String> render(Site site, PageRegion region, String lang) {
    List<String> html = new ArrayList<>();
    int n = 0;
    for (PageModuleDescriptor d :
        platform
            .registry()
            .pageModulesOf(site.getEnabledModules(), site.getPageModules(), region)) {
      render(
              site,
              d,
              new PageModuleContext(site.getKey(), lang, region.key(), Map.of()),
              "module-" + region.key() + "-" + ++n)
          .ifPresent(html::add);
    }
    return html;
  }

  private java.util.Optional<String> render(
      Site site, PageModuleDescriptor d, PageModuleContext context, String anchor) {
    try {
      Map<String, Object> model =
          new HashMap<>(CDI.current().select(d.model()).get().model(context));
      if (model.get("mediaIds") instanceof List<?> ids) {
        ids.forEach(id -> CacheTags.tag(request, CacheTags.media(site.getKey(), (String) id)));
      }
      model.put("siteKey", site.getKey());
      model.put("lang", context.language());
      model.put("anchor", anchor);
      model.put("langQuery", "en".equals(context.language()) ? "?lang=en" : "");
      return java.util.Optional.of(
          renderer.render(site.getTheme(), d.template(), model, context.language()));
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Page module " + d.id() + " failed on site " + site.getKey() + "; left out",
          e);
      return java.util.Optional.empty();
    }
  }
}
