package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Database;
import tw.gov.civitas.it.support.Ports;
import tw.gov.civitas.it.support.TestServices;

/** What operators and API consumers rely on: the site list, the OpenAPI description, readiness. */
@ArquillianTest
class PlatformEndpointsIT {

  @Test
  void everyAgencyHasASiteKeyedByItsSlug() {
    HttpResponse<String> r = Api.get("/api/v1/sites");
    assertEquals(200, r.statusCode());
    var keys =
        Api.json(r).getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .map(i -> i.getString("key"))
            .collect(java.util.stream.Collectors.toSet());
    java.util.List<String> agencies;
    try {
      agencies =
          java.nio.file.Files.readAllLines(
                  java.nio.file.Path.of(
                      System.getProperty("civitas.home"),
                      "modules/platform-core/src/main/resources/seed/taichung-agencies.csv"))
              .stream()
              .skip(1)
              .map(line -> line.split(",")[0])
              .toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertEquals(59, agencies.size());
    assertTrue(keys.containsAll(agencies), "every agency has its site");
    JsonObject xitun = Api.json(Api.get("/api/v1/sites/xitun-district"));
    assertEquals("臺中市西屯區公所", xitun.getJsonObject("name").getString("zh-TW"));
    assertEquals("zh-TW", xitun.getString("defaultLanguage"));
  }

  @Test
  void openApiDescribesTheDeliveryAndManagementApi() {
    HttpResponse<String> r = Api.get("/openapi", "Accept", "application/json");
    assertEquals(200, r.statusCode());
    JsonObject paths = Api.json(r).getJsonObject("paths");
    assertTrue(paths.containsKey("/api/v1/sites/{site}/content/{slug}"), paths.keySet().toString());
    assertTrue(paths.containsKey("/api/v1/manage/sites/{site}/content"), paths.keySet().toString());
  }

  @Test
  void readinessReportsTheDatabaseAndKeycloak() {
    TestServices.keycloak(); // booted by now
    HttpResponse<String> r =
        Api.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + Ports.MANAGEMENT + "/health/ready"))
                .GET());
    assertEquals(200, r.statusCode(), r.body());
    var checks = Api.json(r).getJsonArray("checks").getValuesAs(JsonObject.class);
    assertTrue(
        checks.stream()
            .anyMatch(
                c -> c.getString("name").equals("database") && c.getString("status").equals("UP")),
        r.body());
    assertTrue(
        checks.stream()
            .anyMatch(
                c -> c.getString("name").equals("keycloak") && c.getString("status").equals("UP")),
        r.body());
  }

  @Test
  void aNewSiteStartsFromItsTemplateWithTheTemplatesOwnTypes() {
    String key = "it-district-" + java.util.UUID.randomUUID().toString().substring(0, 6);
    HttpResponse<String> created =
        Api.post(
            "/api/v1/manage/sites",
            """
        {"key": "%s", "name": {"zh-TW": "測試區公所", "en": "Test District Office"}, "template": "district-office"}"""
                .formatted(key),
            Api.bearer("platform-admin"));
    assertEquals(201, created.statusCode(), created.body());
    JsonObject menu = Api.json(Api.get("/api/v1/sites/" + key + "/menus/main"));
    assertTrue(
        // the template's own type has its public list page (not a JSON address) in the menu
        menu.toString().contains("/sites/" + key + "/list/service-point"), menu.toString());

    HttpResponse<String> point =
        Api.post(
            "/api/v1/manage/sites/" + key + "/content",
            """
        {"type": "service-point", "slug": "main-office", "fields": {"title": "區公所本部",
         "location": {"lat": 24.1618, "lon": 120.6469, "address": "臺灣大道"}, "hours": "08:00-17:00",
         "services": [{"label": "戶政"}, {"label": "社會福利"}]}}""",
            Api.bearer("platform-admin"));
    assertEquals(201, point.statusCode(), point.body());
    assertEquals("service-point", Api.json(point).getString("type"));

    // every government site's required pages come with it, published, in both languages, named for
    // the site,
    // and the footer of every page links to them
    Map<String, String> required =
        Map.of("accessibility", "無障礙說明", "privacy", "網站安全及隱私權政策", "open-data", "政府網站資料開放宣告");
    required.forEach(
        (slug, title) -> {
          HttpResponse<String> page = Api.get("/sites/" + key + "/" + slug);
          assertEquals(200, page.statusCode(), slug);
          assertTrue(page.body().contains("<h1>" + title + "</h1>"), page.body());
          assertTrue(page.body().contains("測試區公所"), "names the site: " + page.body());
          HttpResponse<String> en = Api.get("/sites/" + key + "/" + slug + "?lang=en");
          assertTrue(
              en.body().contains("Test District Office"),
              "names the site in English: " + en.body());
          assertEquals(
              1,
              Database.count(
                  "select count(*) from audit_event where site_key = ? and action = 'content.publish'"
                      + " and entity_id = ? and actor = 'platform-admin'",
                  key,
                  slug));
        });
    String home = Api.get("/sites/" + key + "/").body();
    for (String slug : required.keySet()) {
      assertTrue(home.contains("href=\"/sites/" + key + "/" + slug + "\""), "footer links " + slug);
    }
    assertTrue(
        Api.get("/sites/" + key + "/?lang=en")
            .body()
            .contains("href=\"/sites/" + key + "/privacy?lang=en\""));

    // the demo district offices were seeded from the same template
    assertTrue(Api.get("/api/v1/sites/xitun-district/menus/main").body().contains("服務據點"));
    assertEquals(
        400,
        Api.post(
                "/api/v1/manage/sites",
                """
        {"key": "%s-x", "name": {"zh-TW": "x"}, "template": "no-such-template"}"""
                    .formatted(key),
                Api.bearer("platform-admin"))
            .statusCode());
    assertEquals(
        403,
        Api.post(
                "/api/v1/manage/sites",
                """
        {"key": "%s-y", "name": {"zh-TW": "y"}}"""
                    .formatted(key),
                Api.bearer("transportation-webmaster"))
            .statusCode());
  }
}
