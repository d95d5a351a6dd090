package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.HtmlChecker;

/**
 * Every kind of public page is valid HTML by the W3C Nu HTML Checker (zero errors), in both
 * languages.
 */
@ArquillianTest
class HtmlValidityIT {

  @Test
  void everyKindOfPublicPageIsValidHtml() {
    PlugIns.enableFixture();
    String slug = ContentSliceIT.createAndPublish("transportation-webmaster", "transportation");
    Map<String, Integer> pages = new LinkedHashMap<>();
    pages.put("/", 200);
    pages.put("/?lang=en", 200);
    pages.put("/sites/transportation/", 200);
    pages.put("/sites/transportation/?lang=en", 200);
    pages.put("/sites/transportation/" + slug, 200);
    pages.put("/sites/transportation/" + slug + "?lang=en", 200);
    pages.put("/sites/" + PlugIns.SITE + "/", 200); // with the fixture plug-in's page module
    pages.put("/sites/transportation/no-such-page", 404);
    pages.put("/sites/no-such-site/", 404);
    Map<String, List<String>> invalid = new LinkedHashMap<>();
    pages.forEach(
        (path, status) -> {
          HttpResponse<String> page = Api.get(path, "Accept", "text/html");
          assertEquals(status, page.statusCode(), path);
          List<String> errors = HtmlChecker.errors(page.body());
          if (!errors.isEmpty()) {
            invalid.put(path, errors);
          }
        });
    assertEquals(Map.of(), invalid);
  }
}
