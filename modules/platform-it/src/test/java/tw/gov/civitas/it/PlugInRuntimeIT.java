package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Database;
import tw.gov.civitas.it.support.Eventually;
import tw.gov.civitas.it.support.TestServices;

/**
 * The fixture plug-in (modules/fixture-plugin, SPI only, added to the EAR by the tests) uses every
 * runtime extension point: this proves each one through the deployed platform. It is enabled on
 * xitun-district only; transportation does not offer it.
 */
@ArquillianTest
class PlugInRuntimeIT {

  private static final String ON = PlugIns.SITE;
  private static final String OFF = "transportation";
  private static final String[] ADMIN = Api.bearer("platform-admin");
  private static final String[] XITUN = Api.bearer("xitun-webmaster");

  @BeforeAll
  static void enableTheFixtureOnOneSite() {
    PlugIns.enableFixture();
    assertEquals(
        List.of("fixture"),
        Api.json(Api.get("/api/v1/manage/sites/" + ON, ADMIN))
            .getJsonArray("enabledModules")
            .getValuesAs(jakarta.json.JsonString.class)
            .stream()
            .map(jakarta.json.JsonString::getString)
            .toList());
  }

  private static String notes(String site) {
    return "/api/v1/manage/sites/" + site + "/fixture/notes";
  }

  @Test
  void theModuleRegistryShowsWhereEachModuleIsOnAndWhatItBrings() {
    assertEquals(403, Api.get("/api/v1/manage/modules", XITUN).statusCode());
    HttpResponse<String> r = Api.get("/api/v1/manage/modules", ADMIN);
    assertEquals(200, r.statusCode(), r.body());
    Map<String, JsonObject> modules = new java.util.HashMap<>();
    Api.json(r)
        .getJsonArray("items")
        .getValuesAs(JsonObject.class)
        .forEach(m -> modules.put(m.getString("id"), m));
    assertTrue(modules.containsKey("core"), modules.keySet().toString());
    JsonObject fixture = modules.get("fixture");
    assertEquals("running", fixture.getString("state"));
    assertTrue(fixture.getBoolean("enabledPerSite"));
    assertEquals(List.of(ON), strings(fixture, "sites"));
    // its three migrations (V1__notes, V2__petition_attachment, V3__appointments)
    assertEquals("3", fixture.getString("schemaVersion"));
    assertEquals(3, fixture.getInt("migrations"));
    assertEquals(
        List.of("fixture.note.manage", "fixture.note.review"), strings(fixture, "permissions"));
    assertEquals(List.of("fixture::notice"), strings(fixture, "contentTypes"));
    assertEquals(List.of("fixture.tick"), strings(fixture, "jobs"));
    assertEquals(List.of("fixture.notes", "fixture.board"), strings(fixture, "editorPages"));
    assertEquals(
        List.of("fixture.petition", "fixture.appointment"), strings(fixture, "citizenForms"));
    // the core is on every site
    assertFalse(modules.get("core").getBoolean("enabledPerSite"));
    assertTrue(strings(modules.get("core"), "sites").containsAll(List.of(ON, OFF)));
  }

  private static List<String> strings(JsonObject o, String name) {
    return o.getJsonArray(name).getValuesAs(jakarta.json.JsonString::getString);
  }

  @Test
  void aPlugInsEndpointsExistOnlyOnTheSitesThatEnableIt() {
    assertEquals(200, Api.get("/api/v1/sites/" + ON + "/fixture/notes").statusCode());
    HttpResponse<String> off = Api.get("/api/v1/sites/" + OFF + "/fixture/notes");
    assertEquals(404, off.statusCode(), off.body());
    assertEquals(
        "application/problem+json", off.headers().firstValue("Content-Type").orElseThrow());
    HttpResponse<String> managedOff = Api.get(notes(OFF), Api.bearer("transportation-webmaster"));
    assertEquals(404, managedOff.statusCode(), managedOff.body());
    // as do its content types
    HttpResponse<String> typeOff =
        Api.post(
            "/api/v1/manage/sites/" + OFF + "/content",
            "{\"type\": \"notice\", \"slug\": \"n-"
                + UUID.randomUUID().toString().substring(0, 8)
                + "\", \"fields\": {\"title\": \"告示\"}}",
            ADMIN);
    assertEquals(400, typeOff.statusCode(), typeOff.body());
    assertTrue(typeOff.body().contains("does not enable"), typeOff.body());
    HttpResponse<String> typeOn =
        Api.post(
            "/api/v1/manage/sites/" + ON + "/content",
            "{\"type\": \"notice\", \"slug\": \"n-"
                + UUID.randomUUID().toString().substring(0, 8)
                + "\", \"fields\": {\"title\": \"告示\"}}",
            XITUN);
    assertEquals(201, typeOn.statusCode(), typeOn.body());
  }

  @Test
  void aPlugInsOperationsAreBehindTheGateWithItsDeclaredPermissions() {
    assertEquals(401, Api.get(notes(ON)).statusCode());
    assertEquals(403, Api.get(notes(ON), Api.bearer("transportation-webmaster")).statusCode());
    assertEquals(403, Api.get(notes(ON), Api.bearer("citizen")).statusCode());
    assertEquals(200, Api.get(notes(ON), XITUN).statusCode());
    // path spellings reach the same decision
    for (String spelling :
        List.of(
            "/api/v1/manage;x=1/sites/" + ON + "/fixture/notes",
            "/api/v1/manage/sites/" + ON + "/./fixture/notes",
            "/api/v1/manage//sites/" + ON + "/fixture/notes",
            "/api/v1/manage/sites/" + ON + "/fixture/%6eotes")) {
      int status = Api.get(spelling).statusCode();
      assertTrue(status == 401 || status == 404 || status == 400, spelling + " -> " + status);
    }
    // a permission granted to a platform role: the digital bureau's reviewer, on no site
    assertEquals(
        200, Api.get("/api/v1/manage/fixture/review", Api.bearer("digital-reviewer")).statusCode());
    assertEquals(403, Api.get("/api/v1/manage/fixture/review", XITUN).statusCode());
    assertEquals(401, Api.get("/api/v1/manage/fixture/review").statusCode());
  }

  @Test
  void aWriteIsValidatedStoredAuditedAnnouncedAndMailed() throws Exception {
    String text = "停水通知 " + UUID.randomUUID();
    long deliveriesBefore =
        Database.count(
            "select count(*) from webhook_delivery where event = 'fixture.note-created'");
    HttpResponse<String> hook =
        Api.post(
            "/api/v1/manage/sites/" + ON + "/webhooks",
            "{\"url\": \"http://127.0.0.1:9/hook\", \"events\": [\"fixture.note-created\"]}",
            XITUN);
    assertEquals(201, hook.statusCode(), hook.body());
    int mailsBefore = TestServices.mail().getReceivedMessages().length;

    HttpResponse<String> bad = Api.post(notes(ON), "{\"text\": \"\"}", XITUN);
    assertEquals(400, bad.statusCode(), bad.body());
    assertEquals(
        "application/problem+json", bad.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("text", Api.json(bad).getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals(400, Api.post(notes(ON), "{\"text\": \"x\", \"txet\": 1}", XITUN).statusCode());

    HttpResponse<String> created = Api.post(notes(ON), "{\"text\": \"" + text + "\"}", XITUN);
    assertEquals(201, created.statusCode(), created.body());
    JsonObject note = Api.json(created);
    assertEquals("xitun-webmaster", note.getString("author"));
    // its own table
    assertEquals(
        1,
        Database.count(
            "select count(*) from fixture_note where text = ? and site_key = ?", text, ON));
    // the platform's audit trail, by the caller
    assertEquals(
        1,
        Database.count(
            "select count(*) from audit_event where action = 'fixture.note.create'"
                + " and actor = 'xitun-webmaster' and site_key = ? and entity_id = ?",
            ON,
            String.valueOf(note.getJsonNumber("id"))));
    // the webhook outbox, in the same transaction
    assertEquals(
        deliveriesBefore + 1,
        Database.count(
            "select count(*) from webhook_delivery where event = 'fixture.note-created'"));
    // other modules (here the plug-in itself) observe it after commit
    Eventually.until(
        "the module event",
        Duration.ofSeconds(10),
        () ->
            Database.count(
                    "select count(*) from fixture_seen where kind = 'fixture.note-created' and site = ?",
                    ON)
                > 0);
    // and a mail, in Traditional Chinese, to the caller's address, received by a real SMTP server
    Eventually.until(
        "the mail",
        Duration.ofSeconds(15),
        () -> TestServices.mail().getReceivedMessages().length > mailsBefore);
    MimeMessage mail =
        Arrays.stream(TestServices.mail().getReceivedMessages())
            .filter(
                m -> {
                  try {
                    return m.getContent().toString().contains(text);
                  } catch (Exception e) {
                    return false;
                  }
                })
            .findFirst()
            .orElseThrow(() -> new AssertionError("no mail with the note's text"));
    assertEquals("xitun-webmaster@civitas.example.tw", mail.getAllRecipients()[0].toString());
    assertTrue(mail.getContent().toString().startsWith("已收到您的公告"), mail.getContent().toString());
  }

  @Test
  void aMailWaitsWhileTheRelayIsDownAndGoesOutOnceWhenItIsBack() throws Exception {
    String text = "停電通知 " + UUID.randomUUID();
    var smtp = TestServices.mail();
    smtp.stop();
    try {
      HttpResponse<String> created = Api.post(notes(ON), "{\"text\": \"" + text + "\"}", XITUN);
      assertEquals(
          201, created.statusCode(), "the write does not wait for the relay: " + created.body());
      Eventually.until(
          "retried while the relay is down",
          Duration.ofSeconds(20),
          () ->
              Database.count(
                      "select count(*) from mail_outbox where body like ? and sent_at is null and attempts >= 2"
                          + " and last_error is not null",
                      "%" + text + "%")
                  == 1);
    } finally {
      smtp.start();
    }
    Eventually.until(
        "sent once the relay is back", Duration.ofSeconds(30), () -> received(text) > 0);
    sleepSeconds(3); // a second copy would come within a few ticks
    assertEquals(1, received(text), "sent once");
    assertEquals(
        1,
        Database.count(
            "select count(*) from mail_outbox where body like ? and sent_at is not null",
            "%" + text + "%"));
  }

  private static long received(String text) {
    return Arrays.stream(TestServices.mail().getReceivedMessages())
        .filter(
            m -> {
              try {
                return m.getContent().toString().contains(text);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .count();
  }

  @Test
  void aPageModuleShowsOnTheHomePageOfTheSitesThatEnableItEscaped() {
    String text = "<b>路燈</b> " + UUID.randomUUID().toString().substring(0, 8);
    assertEquals(201, Api.post(notes(ON), "{\"text\": \"" + text + "\"}", XITUN).statusCode());
    // the home page is cached: the plug-in's write told the platform it changed
    String home = Api.get("/sites/" + ON + "/").body();
    assertTrue(home.contains("id=\"fixture-notes\""), home);
    assertTrue(
        home.contains("&lt;b&gt;路燈&lt;/b&gt; " + text.substring(text.length() - 8)),
        "escaped: " + home);
    assertTrue(!home.contains("<b>路燈</b>"), home);
    assertTrue(!Api.get("/sites/" + OFF + "/").body().contains("fixture-notes"));
  }

  @Test
  void aPlugInsItemsLeaveThePublicOfASiteThatSwitchesItOffAndComeBackWithIt() {
    String word = "告示" + UUID.randomUUID().toString().substring(0, 8);
    String slug = "n-" + UUID.randomUUID().toString().substring(0, 8);
    assertEquals(
        201,
        Api.post(
                "/api/v1/manage/sites/" + ON + "/content",
                "{\"type\": \"notice\", \"slug\": \""
                    + slug
                    + "\", \"fields\": {\"title\": \""
                    + word
                    + "\"}}",
                XITUN)
            .statusCode());
    HttpResponse<String> published =
        Api.post(
            "/api/v1/manage/sites/" + ON + "/content/" + slug + "/transitions",
            "{\"action\": \"publish\"}",
            XITUN);
    assertEquals(200, published.statusCode(), published.body());
    List<String> lists =
        List.of(
            "/api/v1/sites/" + ON + "/content?size=100",
            "/api/v1/sites/" + ON + "/content?type=notice",
            "/api/v1/content?site=" + ON + "," + OFF + "&size=100",
            "/api/v1/content?size=100",
            "/api/v1/sites/" + ON + "/content?q=" + word);
    String item = "/api/v1/sites/" + ON + "/content/" + slug;
    for (String l : lists) {
      Eventually.until(
          slug + " in " + l, Duration.ofSeconds(10), () -> Api.get(l).body().contains(slug));
    }
    assertEquals(200, Api.get(item).statusCode());
    PlugIns.whileSwitchedOff(
        () -> {
          for (String l : lists) {
            HttpResponse<String> r = Api.get(l);
            assertEquals(200, r.statusCode(), l + ": " + r.body());
            assertFalse(r.body().contains(slug), "switched off, still listed: " + l);
          }
          assertEquals(404, Api.get(item).statusCode());
          assertFalse(Api.get("/sites/" + ON + "/sitemap.xml").body().contains(slug));
        });
    assertEquals(200, Api.get(item).statusCode(), "nothing was lost");
    lists.forEach(l -> assertTrue(Api.get(l).body().contains(slug), "back: " + l));
  }

  @Test
  void aPlugInKeepsItsPicturesInTheSitesMediaLibraryCheckedByTheirContent() {
    String pictures = "/api/v1/manage/sites/" + ON + "/fixture/pictures";
    byte[] png = AuthorizationMatrixIT.png();
    HttpResponse<String> added =
        picture(pictures + "?name=lamp.png&alt=" + encoded("路燈照片"), png, XITUN);
    assertEquals(201, added.statusCode(), added.body());
    String id = Api.json(added).getString("id");
    assertEquals("/media/" + ON + "/" + id + "/original", Api.json(added).getString("url"));
    HttpResponse<byte[]> served =
        Api.sendBytes(
            java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(
                    tw.gov.civitas.it.support.Ports.BASE_URL + Api.json(added).getString("url"))));
    assertEquals(200, served.statusCode());
    assertEquals("image/png", served.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(Arrays.equals(png, served.body()), "the same bytes");
    assertEquals(
        1,
        Database.count(
            "select count(*) from media where id = '"
                + id
                + "' and created_by = 'xitun-webmaster'"));
    assertEquals(
        1,
        Database.count(
            "select count(*) from audit_event where action = 'media.upload' and entity_id = '"
                + id
                + "' and actor = 'xitun-webmaster' and site_key = '"
                + ON
                + "'"));

    long before = Database.count("select count(*) from media");
    HttpResponse<String> html =
        picture(
            pictures + "?name=lamp.png&alt=x",
            "<html><script>alert(1)</script></html>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
            XITUN);
    assertEquals(400, html.statusCode(), html.body());
    assertEquals(
        "application/problem+json", html.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(List.of("file"), fields(html));
    HttpResponse<String> noAlt = picture(pictures + "?name=lamp.png", png, XITUN);
    assertEquals(400, noAlt.statusCode(), noAlt.body());
    assertEquals(List.of("alt"), fields(noAlt));
    assertEquals(
        403,
        picture(pictures + "?alt=x", png, Api.bearer("transportation-webmaster")).statusCode());
    assertEquals(403, picture(pictures + "?alt=x", png, Api.bearer("citizen")).statusCode());
    assertEquals(
        404,
        picture("/api/v1/manage/sites/" + OFF + "/fixture/pictures?alt=x", png, ADMIN)
            .statusCode());
    assertEquals(
        before, Database.count("select count(*) from media"), "nothing refused was stored");
  }

  private static HttpResponse<String> picture(String path, byte[] bytes, String... auth) {
    return Api.send(
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(tw.gov.civitas.it.support.Ports.BASE_URL + path))
            .header("Content-Type", "application/octet-stream")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes)),
        auth);
  }

  private static String encoded(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void aSitePlacesItsPageModulesAndCannotPlaceWhatItDoesNotHave() {
    String settings = "/api/v1/manage/sites/" + ON;
    try {
      HttpResponse<String> none = Api.put(settings, "{\"pageModules\": {\"home\": []}}", ADMIN);
      assertEquals(200, none.statusCode(), none.body());
      assertEquals(List.of(), Api.json(none).getJsonObject("pageModules").getJsonArray("home"));
      assertFalse(
          Api.get("/sites/" + ON + "/").body().contains("id=\"fixture-notes\""),
          "placed nowhere, shown nowhere");

      HttpResponse<String> unknown =
          Api.put(
              settings,
              "{\"pageModules\": {\"home\": [\"fixture.notes\", \"fixture.nope\", \"fixture.notes\"], \"footer\": []}}",
              ADMIN);
      assertEquals(400, unknown.statusCode(), unknown.body());
      assertEquals(
          "application/problem+json", unknown.headers().firstValue("Content-Type").orElseThrow());
      assertEquals(
          List.of("pageModules.footer", "pageModules.home[1]", "pageModules.home[2]"),
          fields(unknown));
      assertEquals(
          400,
          Api.put(settings, "{\"pageModules\": {\"home\": \"fixture.notes\"}}", ADMIN)
              .statusCode());
      HttpResponse<String> notEnabled =
          Api.put(
              "/api/v1/manage/sites/" + OFF,
              "{\"pageModules\": {\"home\": [\"fixture.notes\"]}}",
              ADMIN);
      assertEquals(400, notEnabled.statusCode(), notEnabled.body());
      assertEquals(List.of("pageModules.home[0]"), fields(notEnabled));
      assertTrue(notEnabled.body().contains("does not enable"), notEnabled.body());
      assertEquals(
          List.of(),
          Api.json(Api.get(settings, ADMIN)).getJsonObject("pageModules").getJsonArray("home"),
          "a refused change changes nothing");
      assertEquals(
          400,
          Api.put(
                  settings,
                  "{\"enabledModules\": [], \"pageModules\": {\"home\": [\"fixture.notes\"]}}",
                  ADMIN)
              .statusCode(),
          "cannot place a module switched off in the same change");
      assertEquals(
          1,
          Database.count(
              "select count(*) from audit_event where site_key = '"
                  + ON
                  + "' and action = 'site.configure' and after_state->'pageModules'->'home' = '[]'::jsonb"),
          "audited");

      HttpResponse<String> placed =
          Api.put(settings, "{\"pageModules\": {\"home\": [\"fixture.notes\"]}}", ADMIN);
      assertEquals(200, placed.statusCode(), placed.body());
      assertTrue(
          Api.get("/sites/" + ON + "/").body().contains("id=\"fixture-notes\""), "placed, shown");
    } finally {
      assertEquals(200, Api.put(settings, "{\"pageModules\": {}}", ADMIN).statusCode());
    }
    assertTrue(
        Api.get("/sites/" + ON + "/").body().contains("id=\"fixture-notes\""),
        "by default in its own region");
  }

  private static List<String> fields(HttpResponse<String> problem) {
    return Api.json(problem).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getString("field"))
        .sorted()
        .toList();
  }

  @Test
  void onlySignedInCitizensMayPetition() {
    String path = "/api/v1/sites/" + ON + "/fixture/petitions";
    String body = "{\"subject\": \"請修路燈\"}";
    assertEquals(401, Api.post(path, body).statusCode());
    assertEquals(403, Api.post(path, body, XITUN).statusCode());
    HttpResponse<String> filed = Api.post(path, body, Api.bearer("citizen"));
    assertEquals(201, filed.statusCode(), filed.body());
    assertEquals(
        1,
        Database.count(
            "select count(*) from fixture_petition where id = ? and citizen = 'citizen'",
            Api.json(filed).getJsonNumber("id").longValue()));
    assertEquals(
        404,
        Api.post("/api/v1/sites/" + OFF + "/fixture/petitions", body, Api.bearer("citizen"))
            .statusCode());
  }

  @Test
  void aJobRunsOncePerDueTimeOnThePlatformClock() {
    Eventually.until(
        "the job's first run",
        Duration.ofSeconds(20),
        () -> Database.count("select count(*) from fixture_tick") >= 1);
    long before = Database.count("select count(*) from fixture_tick");
    // an hourly job does not run again within the hour
    sleepSeconds(3);
    assertEquals(before, Database.count("select count(*) from fixture_tick"));
    HttpResponse<String> moved =
        Api.post("/api/v1/manage/clock", "{\"advanceSeconds\": 3700}", ADMIN);
    assertEquals(200, moved.statusCode(), moved.body());
    Eventually.until(
        "the job's next run",
        Duration.ofSeconds(20),
        () -> Database.count("select count(*) from fixture_tick") == before + 1);
    sleepSeconds(3);
    assertEquals(
        before + 1, Database.count("select count(*) from fixture_tick"), "ran more than once");
    assertTrue(
        Database.count(
                "select count(*) from audit_event where action = 'fixture.tick.run'"
                    + " and actor = 'system:fixture'")
            >= 2);
    assertEquals(
        403, Api.post("/api/v1/manage/clock", "{\"advanceSeconds\": 1}", XITUN).statusCode());
    assertEquals(
        400, Api.post("/api/v1/manage/clock", "{\"advanceSeconds\": -5}", ADMIN).statusCode());
  }

  @Test
  void aPlugInObservesThePlatformsEvents() {
    String slug = ContentSliceIT.createAndPublish("xitun-webmaster", ON);
    Eventually.until(
        "the content event",
        Duration.ofSeconds(10),
        () ->
            Database.count(
                    "select count(*) from fixture_seen where kind = 'content-published' and site = ? and detail = ?",
                    ON,
                    slug)
                == 1);
    assertEquals(
        PlugIns.timesEnabled(),
        Database.count(
            "select count(*) from fixture_seen"
                + " where kind = 'site-module_enabled' and site = ? and detail = 'fixture'",
            ON),
        "one event per switch-on");
  }

  private static void sleepSeconds(int s) {
    try {
      Thread.sleep(s * 1000L);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
