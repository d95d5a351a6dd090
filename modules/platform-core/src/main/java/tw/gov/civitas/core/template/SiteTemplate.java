package tw.gov.civitas.core.template;

import jakarta.json.JsonArray;
import java.util.List;
import java.util.Map;
import tw.gov.civitas.spi.ContentTypeDescriptor;

/**
 * A site template as read from {@code site-templates/<id>/site-template.json}.
 *
 * @param pageModules where a new site places page modules: region → page module ids, in order
 * @param pageLayouts how a new site composes its home and section pages (see {@code PageLayouts})
 * @param pages the pages a new site starts with besides the required ones: each {@code {"slug",
 *     "type", "fields"}}, texts as {@code {"zh-TW", "en"}} with {@code {site}} for the site's name
 * @param aliases former ids of the template, still accepted when creating a site
 */
public record SiteTemplate(
    String id,
    String nameZh,
    String nameEn,
    String theme,
    String defaultLanguage,
    List<String> modules,
    List<ContentTypeDescriptor> contentTypes,
    Map<String, JsonArray> menus,
    Map<String, List<String>> pageModules,
    jakarta.json.JsonObject pageLayouts,
    List<jakarta.json.JsonObject> pages,
    List<String> aliases) {}
