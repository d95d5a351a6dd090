package tw.gov.civitas.site;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tw.gov.civitas.api.Localization;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;

/** The platform's front page: every agency's site, bureaus first, then district offices. */
@WebServlet(urlPatterns = "")
public class PortalPage extends HttpServlet {

  @Inject SiteRepository sites;
  @Inject ThemeRenderer renderer;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String lang = Localization.resolve(req.getParameter("lang"), "zh-TW");
    boolean en = "en".equals(lang);
    List<Map<String, Object>> bureaus = new ArrayList<>();
    List<Map<String, Object>> districts = new ArrayList<>();
    for (Site s : sites.findAll()) {
      Map<String, Object> link =
          Map.of(
              "name", s.name(lang), "href", "/sites/" + s.getKey() + "/" + (en ? "?lang=en" : ""));
      ("district".equals(s.getAgency().getKind()) ? districts : bureaus).add(link);
    }
    Map<String, Object> m = new HashMap<>();
    m.put("htmlLang", en ? "en" : "zh-Hant-TW");
    m.put("siteKey", "");
    m.put("siteHome", en ? "/?lang=en" : "/");
    m.put("accountLink", "/account/");
    String origin = tw.gov.civitas.web.http.Origins.of(req);
    m.put("canonical", origin + (en ? "/?lang=en" : "/"));
    m.put(
        "description",
        en
            ? "Every site of the Taichung City Government's bureaus and district offices"
            : "臺中市政府各機關與區公所網站");
    m.put(
        "alternates",
        List.of(
            Map.of("hreflang", "zh-Hant-TW", "href", origin + "/", "label", "中文", "current", !en),
            Map.of(
                "hreflang",
                "en",
                "href",
                origin + "/?lang=en",
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
    m.put(
        "groups",
        List.of(
            Map.of("id", "bureaus", "title", t.get("bureaus"), "sites", bureaus),
            Map.of("id", "districts", "title", t.get("districts"), "sites", districts)));
    byte[] html = renderer.render("civic", "portal", m, lang).getBytes(StandardCharsets.UTF_8);
    resp.setContentType("text/html;charset=UTF-8");
    resp.setHeader("Content-Language", en ? "en" : "zh-TW");
    resp.setContentLength(html.length);
    resp.getOutputStream().write(html);
  }
}
