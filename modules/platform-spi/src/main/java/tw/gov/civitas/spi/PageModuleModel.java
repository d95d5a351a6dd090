package tw.gov.civitas.spi;

import java.util.Map;

/**
 * The data of a page module, implemented by a CDI bean of the module. The platform calls it while
 * rendering a public page of a site that enables the module, and hands the result to the module's
 * template (escaped unless the template says {@code | raw}, which a module must never do with
 * input).
 */
public interface PageModuleModel {

  /**
   * @param siteKey the site being rendered
   * @param language {@code zh-TW} or {@code en}
   * @return the template's variables; an empty map renders the template with none
   */
  Map<String, Object> model(String siteKey, String language);

  /**
   * The template's variables for one placement of the module in a site's page layout, with the
   * settings the placement gives. Modules whose data depends on settings override this; the default
   * ignores them.
   */
  default Map<String, Object> model(PageModuleContext context) {
    return model(context.siteKey(), context.language());
  }
}
