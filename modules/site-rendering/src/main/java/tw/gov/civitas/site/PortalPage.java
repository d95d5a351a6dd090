package tw.gov.civitas.site;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
  @Inject PlatformPages platformPages;

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
    Map<String, Object> m = platformPages.model(req, lang, "/");
    Map<String, String> t = renderer.messages("civic", lang);
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
