package tw.gov.civitas.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.spi.PublicPageDescriptor;
import tw.gov.civitas.spi.PublicPageModel;

/**
 * Plug-in modules' own public pages, {@code /sites/<site>/services/<module>/<name>[/<argument>]}:
 * the module's fragment inside the site's theme ({@code module-page.peb}), on sites that enable the
 * module only (404 elsewhere, as for a page that does not exist).
 */
@ApplicationScoped
public class ModulePublicPages {

  /**
   * The first segment of modules' pages; {@code /sites/<site>/services} alone is the site's page of
   * that address.
   */
  static final String SLUG = "services";

  @Inject Platform platform;
  @Inject ThemeRenderer themes;
  @Inject PageRenderer renderer;

  void render(
      HttpServletRequest req, HttpServletResponse resp, Site site, String lang, String[] parts)
      throws IOException {
    // parts: site, "services", module, name[, argument]
    Optional<PublicPageDescriptor> descriptor =
        parts.length < 4 || parts.length > 5
            ? Optional.empty()
            : platform.registry().publicPage(parts[2] + "." + parts[3]);
    if (descriptor.isEmpty()
        || !platform.registry().enabledOn(site.getEnabledModules(), descriptor.get().moduleId())) {
      renderer.page(resp, 404, site, lang, "not-found", Map.of(), null);
      return;
    }
    Map<String, String> query = new HashMap<>();
    req.getParameterMap()
        .forEach((k, v) -> query.put(k, v.length == 0 ? "" : v[0])); // the first of each
    Optional<PublicPageModel.Page> page =
        CDI.current()
            .select(descriptor.get().model())
            .get()
            .page(
                new PublicPageModel.Request(
                    site.getKey(), lang, parts.length == 5 ? parts[4] : "", query));
    if (page.isEmpty()) {
      renderer.page(resp, 404, site, lang, "not-found", Map.of(), null);
      return;
    }
    Map<String, Object> fragment = new HashMap<>(page.get().model());
    fragment.put("siteKey", site.getKey());
    fragment.put("lang", lang);
    fragment.put("langQuery", "en".equals(lang) ? "?lang=en" : "");
    Map<String, Object> model = new HashMap<>();
    model.put("title", page.get().title());
    model.put("body", themes.render(site.getTheme(), descriptor.get().template(), fragment, lang));
    String slug = String.join("/", java.util.Arrays.copyOfRange(parts, 1, parts.length));
    renderer.page(resp, page.get().status(), site, lang, "module-page", model, slug);
  }
}
