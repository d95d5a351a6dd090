package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Eventually;

/** Signed webhooks with retries and a delivery log; signed, expiring preview links of drafts. */
@ArquillianTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhooksAndPreviewIT {

  private static final String SITE = "culture";
  private static final String MANAGE = "/api/v1/manage/sites/" + SITE;
  private final String[] admin = Api.bearer("platform-admin");

  /** A stand-in for an app's backend: records what it receives; fails the first call when asked to. */
  private HttpServer receiver;
  private final List<Map.Entry<String, String>> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();

  @BeforeAll
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
      if (status == 204) {
        received.add(Map.entry(exchange.getRequestHeaders().getFirst("X-Civitas-Signature"), body));
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    receiver.start();
  }

  @AfterAll
  void stopReceiver() {
    receiver.stop(0);
  }

  private String publish() {
    String slug = "hooked-" + UUID.randomUUID().toString().substring(0, 8);
    assertEquals(201, Api.post(MANAGE + "/content", """
        {"type": "news", "slug": "%s", "fields": {"title": "藝文活動"}}""".formatted(slug), admin).statusCode());
    assertEquals(200, Api.post(MANAGE + "/content/" + slug + "/transitions", "{\"action\":\"publish\"}", admin)
        .statusCode());
    return slug;
  }

  @Test
  void aPublicationIsDeliveredSignedAndRetriedAfterAFailure() throws Exception {
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    HttpResponse<String> r = Api.post(MANAGE + "/webhooks", "{\"url\": \"" + url + "\", \"events\": [\"content.published\"]}",
        admin);
    assertEquals(201, r.statusCode(), r.body());
    JsonObject hook = Api.json(r);
    String secret = hook.getString("secret");
    assertFalse(Api.get(MANAGE + "/webhooks", admin).body().contains(secret), "the secret is shown only once");

    failuresLeft.set(1);
    String slug = publish();
    Eventually.until("the webhook delivery", Duration.ofSeconds(30),
        () -> received.stream().anyMatch(e -> e.getValue().contains(slug)));
    Map.Entry<String, String> got = received.stream().filter(e -> e.getValue().contains(slug)).findFirst().orElseThrow();
    assertEquals("sha256=" + hmac(secret, got.getValue()), got.getKey());
    JsonObject payload = jakarta.json.Json.createReader(new java.io.StringReader(got.getValue())).readObject();
    assertEquals("content.published", payload.getString("event"));
    assertEquals(slug, payload.getString("slug"));
    assertEquals(SITE, payload.getString("site"));

    List<JsonObject> log = Api.json(Api.get(MANAGE + "/webhooks/" + hook.getInt("id") + "/deliveries", admin))
        .getJsonArray("items").getValuesAs(JsonObject.class);
    JsonObject delivery = log.get(0);
    assertEquals("delivered", delivery.getString("state"));
    assertEquals(2, delivery.getInt("attempts"), "one failure, then success");

    HttpResponse<String> metadata = Api.post(MANAGE + "/webhooks", "{\"url\": \"http://169.254.169.254/latest\"}", admin);
    assertEquals(400, metadata.statusCode());
    HttpResponse<String> script = Api.post(MANAGE + "/webhooks", "{\"url\": \"javascript:alert(1)\"}", admin);
    assertEquals(400, script.statusCode());
    assertEquals(403, Api.post(MANAGE + "/webhooks", "{\"url\": \"" + url + "\"}", Api.bearer("transportation-webmaster"))
        .statusCode());
  }

  @Test
  void aPreviewLinkShowsTheDraftUntilItExpires() {
    String slug = "preview-" + UUID.randomUUID().toString().substring(0, 8);
    assertEquals(201, Api.post(MANAGE + "/content", """
        {"type": "page", "slug": "%s", "fields": {"title": "尚未公開的展覽", "body": "<p>草稿內容</p>"}}"""
        .formatted(slug), admin).statusCode());
    assertEquals(404, Api.get("/sites/" + SITE + "/" + slug).statusCode());

    HttpResponse<String> link = Api.post(MANAGE + "/content/" + slug + "/preview", "{\"validForMinutes\": 30}", admin);
    assertEquals(201, link.statusCode(), link.body());
    String url = Api.json(link).getString("url");
    HttpResponse<String> page = Api.send(HttpRequest.newBuilder(URI.create(url)).GET());
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("尚未公開的展覽"));
    assertTrue(page.body().contains("preview-banner"));
    assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());

    // a later edit does not change what the link shows: it names revision 1
    Api.put(MANAGE + "/content/" + slug, "{\"fields\": {\"title\": \"改過的標題\"}}", admin);
    assertTrue(Api.send(HttpRequest.newBuilder(URI.create(url)).GET()).body().contains("尚未公開的展覽"));

    String tampered = url.substring(0, url.length() - 3) + (url.endsWith("A") ? "BBB" : "AAA");
    assertEquals(404, Api.send(HttpRequest.newBuilder(URI.create(tampered)).GET()).statusCode());
    assertEquals(400, Api.post(MANAGE + "/content/" + slug + "/preview", "{\"validForMinutes\": 99999}", admin)
        .statusCode());
    assertEquals(403, Api.post(MANAGE + "/content/" + slug + "/preview", "{}", Api.bearer("xitun-webmaster"))
        .statusCode());
  }

  private static String hmac(String secret, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }
}
