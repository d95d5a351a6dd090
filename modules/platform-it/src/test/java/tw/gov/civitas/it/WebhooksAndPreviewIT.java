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
import java.time.Instant;
import java.util.Base64;
import java.util.List;
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
import tw.gov.civitas.it.support.Database;
import tw.gov.civitas.it.support.Eventually;

/**
 * Signed webhooks (Standard Webhooks) with retries, an outbox written in the publishing
 * transaction, send-time refusal of non-public targets and a delivery log of categories; signed,
 * expiring preview links of drafts. The server allow-lists 127.0.0.1 for the local receiver ({@code
 * -Dcivitas.webhooks.allowed-targets=127.0.0.1} in arquillian.xml) and nothing else.
 */
@ArquillianTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhooksAndPreviewIT {

  private static final String SITE = "culture";
  private static final String MANAGE = "/api/v1/manage/sites/" + SITE;
  private final String[] admin = Api.bearer("platform-admin");

  /** What a receiver got: the three Standard Webhooks headers and the body. */
  private record Received(String id, String timestamp, String signature, String body) {}

  /**
   * A stand-in for an app's backend (allow-listed): records what it receives; fails the first call
   * when asked to.
   */
  private HttpServer receiver;

  /**
   * Listens on another loopback address, which the allow-list does not name: must never be called.
   */
  private HttpServer forbidden;

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<String> forbiddenCalls = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();

  @BeforeAll
  void startReceivers() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
          if (status == 204) {
            var h = exchange.getRequestHeaders();
            received.add(
                new Received(
                    h.getFirst("webhook-id"),
                    h.getFirst("webhook-timestamp"),
                    h.getFirst("webhook-signature"),
                    body));
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
    forbidden = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
    forbidden.createContext(
        "/",
        exchange -> {
          forbiddenCalls.add(exchange.getRequestURI().toString());
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    forbidden.start();
  }

  @AfterAll
  void stopReceivers() {
    receiver.stop(0);
    forbidden.stop(0);
  }

  private String hookUrl() {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
  }

  private String create(String prefix) {
    String slug = prefix + UUID.randomUUID().toString().substring(0, 8);
    assertEquals(
        201,
        Api.post(
                MANAGE + "/content",
                """
        {"type": "news", "slug": "%s", "fields": {"title": "藝文活動"}}"""
                    .formatted(slug),
                admin)
            .statusCode());
    return slug;
  }

  private HttpResponse<String> publish(String slug) {
    return Api.post(
        MANAGE + "/content/" + slug + "/transitions", "{\"action\":\"publish\"}", admin);
  }

  private String publish() {
    String slug = create("hooked-");
    assertEquals(200, publish(slug).statusCode());
    return slug;
  }

  private JsonObject register(String url, String events) {
    HttpResponse<String> r =
        Api.post(
            MANAGE + "/webhooks", "{\"url\": \"" + url + "\", \"events\": " + events + "}", admin);
    assertEquals(201, r.statusCode(), r.body());
    return Api.json(r);
  }

  private List<JsonObject> log(JsonObject hook) {
    return Api.json(Api.get(MANAGE + "/webhooks/" + hook.getInt("id") + "/deliveries", admin))
        .getJsonArray("items")
        .getValuesAs(JsonObject.class);
  }

  @Test
  void aPublicationIsDeliveredSignedAndRetriedAfterAFailure() throws Exception {
    String url = hookUrl();
    JsonObject hook = register(url, "[\"content.published\"]");
    String secret = hook.getString("secret");
    assertTrue(secret.startsWith("whsec_"), secret);
    assertFalse(
        Api.get(MANAGE + "/webhooks", admin).body().contains(secret),
        "the secret is shown only once");

    failuresLeft.set(1);
    long before = Instant.now().getEpochSecond();
    String slug = publish();
    Eventually.until(
        "the webhook delivery",
        Duration.ofSeconds(30),
        () -> received.stream().anyMatch(e -> e.body().contains(slug)));
    Received got = received.stream().filter(e -> e.body().contains(slug)).findFirst().orElseThrow();
    // verified here from the scheme's definition, with the JDK only
    assertEquals(
        "v1,"
            + standardWebhooksSignature(
                secret, got.id() + "." + got.timestamp() + "." + got.body()),
        got.signature());
    long timestamp = Long.parseLong(got.timestamp());
    assertTrue(
        timestamp >= before && timestamp <= Instant.now().getEpochSecond(),
        "the attempt's own time");
    JsonObject payload =
        jakarta.json.Json.createReader(new java.io.StringReader(got.body())).readObject();
    assertEquals("content.published", payload.getString("event"));
    assertEquals(slug, payload.getString("slug"));
    assertEquals(SITE, payload.getString("site"));

    JsonObject delivery = log(hook).get(0);
    assertEquals("delivered", delivery.getString("state"));
    assertEquals(2, delivery.getInt("attempts"), "one failure, then success");
    assertEquals(got.id(), delivery.getString("messageId"), "a retry keeps the webhook-id");

    HttpResponse<String> metadata =
        Api.post(MANAGE + "/webhooks", "{\"url\": \"http://169.254.169.254/latest\"}", admin);
    assertEquals(400, metadata.statusCode());
    HttpResponse<String> script =
        Api.post(MANAGE + "/webhooks", "{\"url\": \"javascript:alert(1)\"}", admin);
    assertEquals(400, script.statusCode());
    assertEquals(
        403,
        Api.post(
                MANAGE + "/webhooks",
                "{\"url\": \"" + url + "\"}",
                Api.bearer("transportation-webmaster"))
            .statusCode());
    Api.delete(MANAGE + "/webhooks/" + hook.getInt("id"), admin);
  }

  @Test
  void nonPublicTargetsAreRefusedAtRegistrationUnlessAllowListed() {
    int port = forbidden.getAddress().getPort();
    // (the allow-list names 127.0.0.1 only; no connection is made to any of these)
    for (String host :
        List.of(
            "127.0.0.2",
            "127.0.0.3",
            "[::1]",
            "[::ffff:127.0.0.2]",
            "2130706434",
            "0x7f.2",
            "0.0.0.0",
            "10.0.0.1",
            "192.168.0.1",
            "172.16.0.1",
            "100.64.0.1",
            "169.254.169.254",
            "[fd00::1]",
            "[fe80::1]")) {
      String url = "http://" + host + ":" + port + "/";
      HttpResponse<String> r = Api.post(MANAGE + "/webhooks", "{\"url\": \"" + url + "\"}", admin);
      assertEquals(400, r.statusCode(), url + " → " + r.body());
    }
    assertTrue(forbiddenCalls.isEmpty());
  }

  @Test
  void aTargetThatIsNoLongerAllowedIsRefusedAtSendingTimeAndLoggedAsACategory() {
    // A webhook stored before registrations were checked (or one whose name now resolves
    // elsewhere):
    // only the check at sending time stands between it and the platform's own network.
    JsonObject hook = register(hookUrl(), "[\"content.published\"]");
    String target = "http://127.0.0.2:" + forbidden.getAddress().getPort() + "/internal";
    assertEquals(
        1,
        Database.execute(
            "update webhook set url = ? where id = ?", target, (long) hook.getInt("id")));
    String slug = publish();
    Eventually.until(
        "a refused attempt in the delivery log",
        Duration.ofSeconds(30),
        () -> log(hook).stream().anyMatch(d -> d.getInt("attempts") >= 1));
    JsonObject delivery = log(hook).get(0);
    assertEquals("refused-address", delivery.getString("lastError"));
    assertFalse(delivery.containsKey("lastStatus"));
    String whole = Api.get(MANAGE + "/webhooks/" + hook.getInt("id") + "/deliveries", admin).body();
    for (String leak : List.of("Exception", "127.0.0.2", "onnect", "refused webhook target")) {
      assertFalse(whole.contains(leak), "the log shows no raw error text: " + whole);
    }
    assertTrue(
        forbiddenCalls.isEmpty(), "the forbidden receiver was never called: " + forbiddenCalls);
    assertTrue(received.stream().noneMatch(e -> e.body().contains(slug)));
    Api.delete(MANAGE + "/webhooks/" + hook.getInt("id"), admin);
  }

  @Test
  void aDeliveryThatCannotBeWrittenFailsThePublishItBelongsTo() {
    JsonObject hook = register(hookUrl(), "[\"content.published\"]");
    String slug = create("outbox-refused-");
    Database.execute(
        """
        create or replace function it_refuse_delivery() returns trigger language plpgsql as $$
        begin
          if new.payload->>'slug' like 'outbox-refused-%' then raise exception 'the outbox is closed'; end if;
          return new;
        end $$""");
    Database.execute(
        "create trigger it_refuse_delivery before insert on webhook_delivery for each row"
            + " execute function it_refuse_delivery()");
    try {
      HttpResponse<String> r = publish(slug);
      assertTrue(
          r.statusCode() >= 500,
          "the publish fails with its notification: " + r.statusCode() + " " + r.body());
    } finally {
      Database.execute("drop trigger it_refuse_delivery on webhook_delivery");
    }
    assertEquals(
        404,
        Api.get("/api/v1/sites/" + SITE + "/content/" + slug).statusCode(),
        "nothing was published");
    assertEquals("draft", Api.json(Api.get(MANAGE + "/content/" + slug, admin)).getString("state"));
    assertEquals(
        0,
        Database.count("select count(*) from webhook_delivery where payload->>'slug' = ?", slug));
    Api.delete(MANAGE + "/webhooks/" + hook.getInt("id"), admin);
  }

  @Test
  void aPublishThatRollsBackAtCommitLeavesNoDelivery() throws Exception {
    JsonObject hook = register(hookUrl(), "[\"content.published\"]");
    String slug = create("outbox-rollback-");
    Database.execute(
        """
        create or replace function it_fail_commit() returns trigger language plpgsql as $$
        begin raise exception 'the commit fails'; end $$""");
    // deferred: it fires at COMMIT, after the notification rows were written in the same
    // transaction
    Database.execute(
        "create constraint trigger it_fail_commit after update on content_item deferrable initially deferred"
            + " for each row when (new.slug like 'outbox-rollback-%' and new.published_revision is not null)"
            + " execute function it_fail_commit()");
    try {
      HttpResponse<String> r = publish(slug);
      assertTrue(r.statusCode() >= 500, "the commit failed: " + r.statusCode() + " " + r.body());
    } finally {
      Database.execute("drop trigger it_fail_commit on content_item");
    }
    assertEquals(
        0,
        Database.count("select count(*) from webhook_delivery where payload->>'slug' = ?", slug));
    Thread.sleep(3000); // three dispatcher ticks
    assertTrue(
        received.stream().noneMatch(e -> e.body().contains(slug)), "nothing was sent for it");

    // and a publish that commits has its delivery row the moment it answers
    String committed = create("outbox-committed-");
    assertEquals(200, publish(committed).statusCode());
    assertEquals(
        1,
        Database.count(
            "select count(*) from webhook_delivery where payload->>'slug' = ?", committed));
    Api.delete(MANAGE + "/webhooks/" + hook.getInt("id"), admin);
  }

  @Test
  void aPreviewLinkShowsTheDraftUntilItExpires() {
    String slug = "preview-" + UUID.randomUUID().toString().substring(0, 8);
    assertEquals(
        201,
        Api.post(
                MANAGE + "/content",
                """
        {"type": "page", "slug": "%s", "fields": {"title": "尚未公開的展覽", "body": "<p>草稿內容</p>"}}"""
                    .formatted(slug),
                admin)
            .statusCode());
    assertEquals(404, Api.get("/sites/" + SITE + "/" + slug).statusCode());

    HttpResponse<String> link =
        Api.post(MANAGE + "/content/" + slug + "/preview", "{\"validForMinutes\": 30}", admin);
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
    assertEquals(
        400,
        Api.post(MANAGE + "/content/" + slug + "/preview", "{\"validForMinutes\": 99999}", admin)
            .statusCode());
    assertEquals(
        403,
        Api.post(MANAGE + "/content/" + slug + "/preview", "{}", Api.bearer("xitun-webmaster"))
            .statusCode());
  }

  @Test
  void aPreviewLinkDoesNotOpenAnotherItemThatReusesTheSlug() {
    String slug = "reused-" + UUID.randomUUID().toString().substring(0, 8);
    String page =
        """
        {"type": "page", "slug": "%s", "fields": {"title": "%s", "body": "<p>草稿</p>"}}""";
    assertEquals(
        201, Api.post(MANAGE + "/content", page.formatted(slug, "舊的草稿"), admin).statusCode());
    String oldLink =
        Api.json(Api.post(MANAGE + "/content/" + slug + "/preview", "{}", admin)).getString("url");
    assertEquals(200, Api.send(HttpRequest.newBuilder(URI.create(oldLink)).GET()).statusCode());

    assertEquals(204, Api.delete(MANAGE + "/content/" + slug, admin).statusCode());
    assertEquals(
        201, Api.post(MANAGE + "/content", page.formatted(slug, "另一份新草稿"), admin).statusCode());

    HttpResponse<String> old = Api.send(HttpRequest.newBuilder(URI.create(oldLink)).GET());
    assertEquals(404, old.statusCode(), "the old link named the deleted item");
    assertFalse(old.body().contains("另一份新草稿"));
    String newLink =
        Api.json(Api.post(MANAGE + "/content/" + slug + "/preview", "{}", admin)).getString("url");
    assertTrue(
        Api.send(HttpRequest.newBuilder(URI.create(newLink)).GET()).body().contains("另一份新草稿"));
  }

  /** base64(HMAC-SHA256) under the key a {@code whsec_} secret encodes. */
  private static String standardWebhooksSignature(String secret, String signedContent)
      throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    return Base64.getEncoder()
        .encodeToString(mac.doFinal(signedContent.getBytes(StandardCharsets.UTF_8)));
  }
}
