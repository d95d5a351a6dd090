package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Multipart;
import tw.gov.civitas.it.support.Ports;
import tw.gov.civitas.it.support.TestServices;

/**
 * The edges of the security model that are not about roles: whose tokens the API accepts and why it
 * refuses one, which peer may name the client's address, what a typo in a body does, media in use,
 * and what happens while the identity provider does not answer.
 */
@ArquillianTest
class SecurityEdgesIT {

  static final String[] WEBMASTER = Api.bearer("transportation-webmaster");

  static String token(String host, String clientId, String user) {
    String form =
        "grant_type=password&client_id=" + clientId + "&username=" + user + "&password=civitas-dev";
    HttpResponse<String> r =
        Api.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://"
                            + host
                            + ":"
                            + Ports.KEYCLOAK
                            + "/realms/civitas/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r).getString("access_token");
  }

  static void assertRefusedSaying(HttpResponse<String> r, String why) {
    assertEquals(401, r.statusCode(), r.body());
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
        "not problem+json: " + r.headers().map());
    String detail = Api.json(r).getString("detail");
    assertTrue(detail.contains(why), "detail should say '" + why + "': " + detail);
  }

  @Test
  void aTokenFromTheLoopbackAddressIsAcceptedBecauseTheIssuerIsFixed() {
    String t = token("127.0.0.1", "civitas-cli", "transportation-webmaster");
    HttpResponse<String> me = Api.get("/api/v1/manage/me", "Authorization", "Bearer " + t);
    assertEquals(200, me.statusCode(), me.body());
  }

  @Test
  void tokensIssuedToAnotherClientOfTheRealmAreRefusedNamingTheAudience() {
    String other = token("localhost", "civitas-demo-app", "transportation-webmaster");
    assertRefusedSaying(
        Api.get("/api/v1/manage/me", "Authorization", "Bearer " + other), "audience");
    // on every operation: a refused token is an error, never a silent anonymous call
    assertEquals(
        401,
        Api.get("/api/v1/manage/sites/transportation/roles", "Authorization", "Bearer " + other)
            .statusCode());
  }

  @Test
  void aRefusedTokenSaysWhy() {
    String good = Api.token("transportation-webmaster");
    String[] parts = good.split("\\.");
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    long past = System.currentTimeMillis() / 1000 - 3600;
    String expired =
        parts[0]
            + "."
            + b64.encodeToString(
                ("{\"exp\":"
                        + past
                        + ",\"iss\":\""
                        + TestServices.keycloak().issuer()
                        + "\",\"aud\":\"civitas-api\"}")
                    .getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertRefusedSaying(
        Api.get("/api/v1/manage/me", "Authorization", "Bearer " + expired), "expired");
    String tampered =
        parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA";
    assertRefusedSaying(
        Api.get("/api/v1/manage/me", "Authorization", "Bearer " + tampered), "signature");
    assertRefusedSaying(
        Api.get("/api/v1/manage/me", "Authorization", "Bearer nonsense"), "not a JWT");
  }

  /** A raw HTTP/1.1 request from a chosen local address (Java's HttpClient cannot pick one). */
  static String rawRequest(String fromAddress, String request) throws Exception {
    try (Socket s = new Socket()) {
      s.bind(new InetSocketAddress(fromAddress, 0));
      s.connect(new InetSocketAddress("127.0.0.1", Ports.HTTP), 5000);
      s.setSoTimeout(15000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static String createWith(String fromAddress, String forwardedFor) throws Exception {
    String slug = "xff-" + UUID.randomUUID().toString().substring(0, 8);
    byte[] body =
        ("{\"type\": \"page\", \"slug\": \"" + slug + "\", \"fields\": {\"title\": \"來源位址\"}}")
            .getBytes(StandardCharsets.UTF_8);
    String response =
        rawRequest(
            fromAddress,
            "POST /api/v1/manage/sites/transportation/content HTTP/1.1\r\n"
                + "Host: localhost:"
                + Ports.HTTP
                + "\r\nAuthorization: Bearer "
                + Api.token("transportation-webmaster")
                + "\r\nContent-Type: application/json\r\nX-Forwarded-For: "
                + forwardedFor
                + "\r\nX-Forwarded-Proto: https\r\nConnection: close\r\n"
                + "Content-Length: "
                + body.length
                + "\r\n\r\n"
                + new String(body, StandardCharsets.UTF_8));
    assertTrue(response.startsWith("HTTP/1.1 201"), response);
    return slug;
  }

  static String auditedAddress(String slug) {
    List<JsonObject> events =
        Api.json(Api.get("/api/v1/manage/sites/transportation/audit?entity=" + slug, WEBMASTER))
            .getJsonArray("items")
            .getValuesAs(JsonObject.class);
    assertEquals(1, events.size(), events.toString());
    return events.get(0).getString("clientAddress");
  }

  @Test
  void xForwardedForCountsOnlyFromAConfiguredProxy() throws Exception {
    // the test server trusts 127.0.0.2 as its proxy (arquillian.xml), nobody else
    String direct = createWith("127.0.0.1", "203.0.113.66");
    assertEquals("127.0.0.1", auditedAddress(direct), "a client named its own address");
    String proxied = createWith("127.0.0.2", "6.6.6.6, 203.0.113.5");
    assertEquals(
        "203.0.113.5",
        auditedAddress(proxied),
        "the proxy's hop is the client; 6.6.6.6 was forged");
  }

  @Test
  void aMisspeltPropertyIsRefusedByNameAndChangesNothing() {
    String site = "/api/v1/manage/sites/transportation";
    String before = Api.get(site, WEBMASTER).body();
    int audited =
        Api.json(Api.get(site + "/audit?action=site.configure&size=1000", WEBMASTER))
            .getJsonArray("items")
            .size();
    HttpResponse<String> r = Api.put(site, "{\"title\": 5}", WEBMASTER);
    assertEquals(400, r.statusCode(), r.body());
    JsonObject error = Api.json(r).getJsonArray("errors").getJsonObject(0);
    assertEquals("title", error.getString("field"));
    assertEquals(before, Api.get(site, WEBMASTER).body());
    assertEquals(
        audited,
        Api.json(Api.get(site + "/audit?action=site.configure&size=1000", WEBMASTER))
            .getJsonArray("items")
            .size(),
        "a refused change was audited");
    HttpResponse<String> nested =
        Api.put(site, "{\"name\": {\"zh-TW\": \"交通局\", \"ja\": \"交通局\"}}", WEBMASTER);
    assertEquals(400, nested.statusCode(), nested.body());
    assertTrue(nested.body().contains("\"ja\""), nested.body());
    HttpResponse<String> transition =
        Api.post(
            site + "/content/no-matter/transitions",
            "{\"action\": \"submit\", \"acton\": \"publish\"}",
            WEBMASTER);
    assertEquals(400, transition.statusCode(), transition.body());
    assertTrue(transition.body().contains("acton"));
  }

  @Test
  void mediaUsedByPublishedContentCannotBeDeleted() throws Exception {
    BufferedImage img = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(img, "png", png);
    HttpResponse<String> uploaded =
        new Multipart()
            .file("file", "封面.png", "image/png", png.toByteArray())
            .field("alt", "封面圖")
            .post("/api/v1/manage/sites/transportation/media", WEBMASTER);
    assertEquals(201, uploaded.statusCode(), uploaded.body());
    String id = Api.json(uploaded).getString("id");
    String slug = "uses-media-" + UUID.randomUUID().toString().substring(0, 8);
    String base = "/api/v1/manage/sites/transportation/content/";
    assertEquals(
        201,
        Api.post(
                "/api/v1/manage/sites/transportation/content",
                """
        {"type": "news", "slug": "%s", "fields": {"title": "有圖的新聞", "image": "%s"}}"""
                    .formatted(slug, id),
                WEBMASTER)
            .statusCode());
    assertEquals(
        200,
        Api.post(base + slug + "/transitions", "{\"action\": \"publish\"}", WEBMASTER)
            .statusCode());

    HttpResponse<String> refused =
        Api.delete("/api/v1/manage/sites/transportation/media/" + id, WEBMASTER);
    assertEquals(409, refused.statusCode(), refused.body());
    assertTrue(Api.json(refused).getString("detail").contains(slug), refused.body());
    assertTrue(
        Api.get("/api/v1/manage/sites/transportation/media", WEBMASTER).body().contains(id),
        "deleted anyway");

    assertEquals(
        200,
        Api.post(base + slug + "/transitions", "{\"action\": \"unpublish\"}", WEBMASTER)
            .statusCode());
    assertEquals(
        204, Api.delete("/api/v1/manage/sites/transportation/media/" + id, WEBMASTER).statusCode());
  }

  /**
   * Freezes Keycloak's processes (SIGSTOP): it accepts connections but answers nothing, as when it
   * hangs.
   */
  static void frozen(Runnable whileFrozen) throws Exception {
    ProcessHandle kc = ProcessHandle.of(TestServices.keycloak().pid()).orElseThrow();
    List<ProcessHandle> all = new java.util.ArrayList<>(kc.descendants().toList());
    all.add(kc);
    signal("STOP", all);
    try {
      whileFrozen.run();
    } finally {
      signal("CONT", all);
    }
  }

  static void signal(String sig, List<ProcessHandle> processes) throws Exception {
    for (ProcessHandle p : processes) {
      new ProcessBuilder("kill", "-" + sig, Long.toString(p.pid())).inheritIO().start().waitFor();
    }
  }

  @Test
  void whileTheIdentityProviderDoesNotAnswerCallsFailFast() throws Exception {
    String webmaster = Api.token("transportation-webmaster");
    String[] parts = webmaster.split("\\.");
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String unknownKey =
        b64.encodeToString(
                "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"no-such-key\"}"
                    .getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[1]
            + "."
            + parts[2];
    frozen(
        () -> {
          long t0 = System.nanoTime();
          HttpResponse<String> roles =
              Api.get("/api/v1/manage/sites/transportation/roles", WEBMASTER);
          long rolesMs = (System.nanoTime() - t0) / 1_000_000;
          assertEquals(503, roles.statusCode(), roles.body());
          assertTrue(roles.headers().firstValue("Retry-After").isPresent());
          assertTrue(rolesMs < 10_000, "role holders took " + rolesMs + " ms while Keycloak hung");
          long t2 = System.nanoTime();
          HttpResponse<String> page =
              Api.get(
                  "/editor/module.xhtml?site=transportation&page=identity.role-holders", WEBMASTER);
          long pageMs = (System.nanoTime() - t2) / 1_000_000;
          assertEquals(200, page.statusCode(), "the editor's page stays up");
          assertTrue(page.body().contains("暫時無法讀取清單"), page.body());
          assertTrue(pageMs < 10_000, "the role holders page took " + pageMs + " ms");

          long t1 = System.nanoTime();
          HttpResponse<String> unknown =
              Api.get("/api/v1/manage/me", "Authorization", "Bearer " + unknownKey);
          long unknownMs = (System.nanoTime() - t1) / 1_000_000;
          assertEquals(401, unknown.statusCode(), unknown.body());
          assertTrue(
              unknownMs < 8_000,
              "a token with an unknown key took " + unknownMs + " ms while Keycloak hung");

          // what needs no identity provider goes on: public reads and calls with known keys
          assertEquals(200, Api.get("/api/v1/sites/transportation").statusCode());
          assertEquals(200, Api.get("/api/v1/manage/me", WEBMASTER).statusCode());
        });
    assertEquals(200, Api.get("/api/v1/manage/sites/transportation/roles", WEBMASTER).statusCode());
    assertFalse(Api.get("/api/v1/manage/sites/transportation/roles", WEBMASTER).body().isEmpty());
  }
}
