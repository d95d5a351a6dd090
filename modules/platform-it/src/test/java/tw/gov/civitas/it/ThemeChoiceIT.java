package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.it.support.Api;

/**
 * The child themes shipped in the themes jar (agency, festival; both {@code parent=civic}) can be
 * chosen in a site's settings, their pages render through the parent's templates and their own
 * stylesheet is served. On a site of its own ({@code hakka-affairs}), set back to civic at the end.
 */
@ArquillianTest
class ThemeChoiceIT {

  private static final String SITE = "hakka-affairs";
  private static final String MANAGE = "/api/v1/manage/sites/" + SITE;
  private final String[] admin = Api.bearer("platform-admin");

  @Test
  void aSiteTakesAnInstalledChildThemeAndItsPagesRenderWithTheParentsTemplates() {
    try {
      for (String theme : new String[] {"festival", "agency"}) {
        HttpResponse<String> set = Api.put(MANAGE, "{\"theme\": \"" + theme + "\"}", admin);
        assertEquals(200, set.statusCode(), set.body());
        assertEquals(theme, Api.json(Api.get(MANAGE, admin)).getString("theme"));

        HttpResponse<String> home = Api.get("/sites/" + SITE + "/");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("臺中市政府客家事務委員會"), home.body());

        HttpResponse<String> css = Api.get("/themes/" + theme + "/assets/" + theme + ".css");
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElseThrow().startsWith("text/css"));
        assertTrue(css.body().contains("--civic-brand:"), css.body());
      }
    } finally {
      Api.put(MANAGE, "{\"theme\": \"civic\"}", admin);
    }
  }
}
