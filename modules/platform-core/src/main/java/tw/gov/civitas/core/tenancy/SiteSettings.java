package tw.gov.civitas.core.tenancy;

import java.util.List;
import java.util.Map;

/**
 * The settings a site administrator may change. Null members are left unchanged.
 *
 * @param pageModules region → the page modules placed there, in order (see {@link
 *     Site#getPageModules()})
 * @param pageLayouts page → region → placements (see {@link PageLayouts})
 */
public record SiteSettings(
    String nameZh,
    String nameEn,
    String defaultLanguage,
    String theme,
    Boolean requireDistinctReviewer,
    List<String> enabledModules,
    List<String> domains,
    Map<String, List<String>> pageModules,
    jakarta.json.JsonObject pageLayouts,
    jakarta.json.JsonObject openData) {}
