package tw.gov.civitas.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The pages of the platform itself, not of one site: the city's portal and city-wide search. */
@ApplicationScoped
public class PlatformPages {

  @Inject ThemeRenderer renderer;

  /**
   * The model every page of the platform itself (not of a site) starts from: the city's name, the
   * languages, the canonical address of {@code path}.
   */
  public Map<String, Object> model(HttpServletRequest req, String lang, String path) {
    boolean en = "en".equals(lang);
    Map<String, Object> m = new HashMap<>();
    m.put("htmlLang", en ? "en" : "zh-Hant-TW");
    m.put("siteKey", "");
    m.put("siteHome", en ? "/?lang=en" : "/");
    m.put("accountLink", "/account/");
    String origin = tw.gov.civitas.web.http.Origins.of(req);
    m.put("canonical", origin + path + (en ? "?lang=en" : ""));
    m.put(
        "description",
        en
            ? "Every site of the Taichung City Government's bureaus and district offices"
            : "臺中市政府各機關與區公所網站");
    m.put(
        "alternates",
        List.of(
            Map.of("hreflang", "zh-Hant-TW", "href", origin + path, "label", "中文", "current", !en),
            Map.of(
                "hreflang",
                "en",
                "href",
                origin + path + "?lang=en",
                "label",
                "English",
                "current",
                en)));
    Map<String, String> t = renderer.messages("civic", lang);
    m.put("siteName", t.get("portal"));
    m.put("agencyName", en ? "Taichung City Government" : "臺中市政府");
    m.put("ogType", "website");
    m.put("ogTitle", t.get("portal"));
    m.put("ogLocale", en ? "en_US" : "zh_TW");
    return m;
  }
}
