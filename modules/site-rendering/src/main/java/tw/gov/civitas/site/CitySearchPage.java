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

/** {@code /search?q=}: one search over every agency's site, each result named with its site. */
@WebServlet(urlPatterns = "/search")
public class CitySearchPage extends HttpServlet {

  @Inject ListPages listPages;
  @Inject PlatformPages platformPages;
  @Inject ThemeRenderer renderer;
  @Inject SiteRepository sites;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String lang = Localization.resolve(req.getParameter("lang"), "zh-TW");
    List<ListPages.FilterError> errors = new ArrayList<>();
    Map<String, Object> m = platformPages.model(req, lang, "/search");
    Map<String, Object> results = listPages.search(null, lang, errors);
    if (results.get("items") instanceof List<?> items && !items.isEmpty()) {
      Map<String, String> names = new HashMap<>();
      for (Site s : sites.findAll()) {
        names.put(s.getKey(), s.name(lang));
      }
      for (Object i : items) {
        @SuppressWarnings("unchecked")
        Map<String, Object> item = (Map<String, Object>) i;
        item.put("siteName", names.get((String) item.get("siteKey")));
      }
    }
    m.putAll(results);
    m.put("errors", errors);
    m.put("errorFields", errors.stream().map(ListPages.FilterError::field).toList());
    m.put("action", "/search");
    byte[] html = renderer.render("civic", "search", m, lang).getBytes(StandardCharsets.UTF_8);
    resp.setStatus(errors.isEmpty() ? 200 : 400);
    resp.setContentType("text/html;charset=UTF-8");
    resp.setHeader("Content-Language", "en".equals(lang) ? "en" : "zh-TW");
    resp.setContentLength(html.length);
    resp.getOutputStream().write(html);
  }
}
