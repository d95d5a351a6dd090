package tw.gov.civitas.spi;

import java.util.Map;

/**
 * Where a page module is being rendered: the site, the language, the page of the site's layout
 * ({@code home} or a section page's slug) and the settings its placement gives it (e.g. {@code
 * {"type": "announcement", "limit": "5"}}).
 */
public record PageModuleContext(
    String siteKey, String language, String pageKey, Map<String, String> settings) {

  public PageModuleContext {
    settings = settings == null ? Map.of() : Map.copyOf(settings);
  }

  /** A setting, or the default when the placement does not give it. */
  public String setting(String name, String defaultValue) {
    String v = settings.get(name);
    return v == null || v.isBlank() ? defaultValue : v;
  }

  /** A whole-number setting within bounds; a malformed one gives the default. */
  public int intSetting(String name, int defaultValue, int min, int max) {
    try {
      return Math.max(min, Math.min(max, Integer.parseInt(setting(name, "" + defaultValue))));
    } catch (NumberFormatException e) {
      return defaultValue;
    }
  }
}
