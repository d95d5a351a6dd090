package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Ports;
import tw.gov.civitas.it.support.TestServices;

/** What operators and API consumers rely on: the site list, the OpenAPI description, readiness. */
@ArquillianTest
class PlatformEndpointsIT {

  @Test
  void everyAgencyHasASiteKeyedByItsSlug() {
    HttpResponse<String> r = Api.get("/api/v1/sites");
    assertEquals(200, r.statusCode());
    var items = Api.json(r).getJsonArray("items").getValuesAs(JsonObject.class);
    assertEquals(59, items.size());
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
    HttpResponse<String> r = Api.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + Ports.MANAGEMENT + "/health/ready")).GET());
    assertEquals(200, r.statusCode(), r.body());
    var checks = Api.json(r).getJsonArray("checks").getValuesAs(JsonObject.class);
    assertTrue(checks.stream().anyMatch(c -> c.getString("name").equals("database") && c.getString("status").equals("UP")),
        r.body());
    assertTrue(checks.stream().anyMatch(c -> c.getString("name").equals("keycloak") && c.getString("status").equals("UP")),
        r.body());
  }
}
