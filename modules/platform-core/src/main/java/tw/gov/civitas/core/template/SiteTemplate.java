package tw.gov.civitas.core.template;

import jakarta.json.JsonArray;
import java.util.List;
import java.util.Map;
import tw.gov.civitas.spi.ContentTypeDescriptor;

/**
 * A site template as read from {@code site-templates/<id>/site-template.json}.
 *
 * @param pageModules where a new site places page modules: region → page module ids, in order
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
    Map<String, List<String>> pageModules) {}
