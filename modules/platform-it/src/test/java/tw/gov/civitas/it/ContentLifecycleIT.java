package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Database;
import tw.gov.civitas.it.support.Eventually;

/** Revisions, scheduled publishing, batch releases and the distinct-reviewer rule. */
@ArquillianTest
class ContentLifecycleIT {

  private static final String BASE = "/api/v1/manage/sites/transportation/content/";
  private static final String[] WEBMASTER = Api.bearer("transportation-webmaster");

  static String slug(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static HttpResponse<String> create(String slug, String title, String extra, String... auth) {
    return Api.post("/api/v1/manage/sites/transportation/content", """
        {"type": "news", "slug": "%s", "fields": {"title": "%s", "body": "<p>內文</p>"} %s}
        """.formatted(slug, title, extra), auth);
  }

  static String inSeconds(int s) {
    return OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(s).withNano(0).toString();
  }

  @Test
  void everySaveIsARevisionThatCanBeListedComparedAndRestored() {
    String slug = slug("rev");
    assertEquals(201, create(slug, "第一版標題", "", WEBMASTER).statusCode());
    Api.post(BASE + slug + "/transitions", "{\"action\":\"publish\"}", WEBMASTER);

    HttpResponse<String> updated = Api.put(BASE + slug, """
        {"fields": {"title": {"zh-TW": "第二版標題", "en": "Second title"}, "body": "<p>內文</p>"},
         "comment": "clearer title"}""", WEBMASTER);
    assertEquals(200, updated.statusCode(), updated.body());
    assertEquals(2, Api.json(updated).getInt("revision"));
    // still public as published (revision 1) until republished
    assertEquals("第一版標題", Api.json(Api.get("/api/v1/sites/transportation/content/" + slug))
        .getJsonObject("fields").getString("title"));

    List<JsonObject> revisions = Api.json(Api.get(BASE + slug + "/revisions", WEBMASTER)).getJsonArray("items")
        .getValuesAs(JsonObject.class);
    assertEquals(List.of(2, 1), revisions.stream().map(r -> r.getInt("number")).toList());
    assertEquals("clearer title", revisions.get(0).getString("comment"));
    assertEquals("transportation-webmaster", revisions.get(0).getString("author"));
    assertTrue(revisions.get(1).getBoolean("published"));

    List<JsonObject> changes = Api.json(Api.get(BASE + slug + "/diff?from=1&to=2", WEBMASTER)).getJsonArray("changes")
        .getValuesAs(JsonObject.class);
    assertEquals(List.of("title.en", "title.zh-TW"), changes.stream().map(c -> c.getString("field")).toList());
    assertEquals("第一版標題", changes.get(1).getString("before"));
    assertEquals("第二版標題", changes.get(1).getString("after"));

    HttpResponse<String> restored = Api.post(BASE + slug + "/revisions/1/restore", "", WEBMASTER);
    assertEquals(200, restored.statusCode(), restored.body());
    JsonObject r3 = Api.json(restored);
    assertEquals(3, r3.getInt("revision"));
    assertEquals("第一版標題", r3.getJsonObject("fields").getJsonObject("title").getString("zh-TW"));
    assertEquals(3, Api.json(Api.get(BASE + slug + "/revisions", WEBMASTER)).getJsonArray("items").size());

    Api.post(BASE + slug + "/transitions", "{\"action\":\"publish\"}", WEBMASTER);
    assertEquals(3, Api.json(Api.get("/api/v1/sites/transportation/content/" + slug)).getInt("revision"));

    assertEquals(404, Api.get(BASE + slug + "/revisions/9", WEBMASTER).statusCode());
    assertEquals(403, Api.get(BASE + slug + "/revisions", Api.bearer("xitun-webmaster")).statusCode());
  }

  @Test
  void scheduledPublishAndUnpublishHappenOnTime() {
    String slug = slug("timed");
    HttpResponse<String> r = create(slug, "定時發布",
        ", \"publishAt\": \"" + inSeconds(2) + "\", \"unpublishAt\": \"" + inSeconds(6) + "\"", WEBMASTER);
    assertEquals(201, r.statusCode(), r.body());
    assertEquals(404, Api.get("/api/v1/sites/transportation/content/" + slug).statusCode());
    Eventually.until("the scheduled publication", Duration.ofSeconds(20),
        () -> Api.get("/api/v1/sites/transportation/content/" + slug).statusCode() == 200);
    Eventually.until("the scheduled unpublication", Duration.ofSeconds(20),
        () -> Api.get("/api/v1/sites/transportation/content/" + slug).statusCode() == 404);
    assertEquals(1, Database.count("select count(*) from audit_event where entity_id = ? and actor = 'system:scheduler'"
        + " and action = 'content.scheduled-publish'", slug));
    assertEquals(1, Database.count("select count(*) from audit_event where entity_id = ? and actor = 'system:scheduler'"
        + " and action = 'content.scheduled-unpublish'", slug));
  }

  @Test
  void anEditorCannotSchedulePublication() {
    long before = Database.count("select count(*) from content_item");
    HttpResponse<String> r = create(slug("sched"), "編輯排程", ", \"publishAt\": \"" + inSeconds(60) + "\"",
        Api.bearer("transportation-editor"));
    assertEquals(403, r.statusCode(), r.body());
    assertEquals(before, Database.count("select count(*) from content_item"));
  }

  @Test
  void aReleasePublishesItsItemsTogether() {
    String a = slug("rel-a");
    String b = slug("rel-b");
    assertEquals(201, create(a, "連假公告一", "", WEBMASTER).statusCode());
    assertEquals(201, create(b, "連假公告二", "", WEBMASTER).statusCode());
    HttpResponse<String> release = Api.post("/api/v1/manage/sites/transportation/releases", """
        {"name": "端午連假", "releaseAt": "%s", "items": ["%s", "%s"]}""".formatted(inSeconds(2), a, b), WEBMASTER);
    assertEquals(201, release.statusCode(), release.body());
    assertEquals("scheduled", Api.json(release).getString("state"));
    Eventually.until("the release", Duration.ofSeconds(20),
        () -> Api.get("/api/v1/sites/transportation/content/" + a).statusCode() == 200);
    assertEquals(200, Api.get("/api/v1/sites/transportation/content/" + b).statusCode());
    assertTrue(Api.get("/api/v1/manage/sites/transportation/releases", WEBMASTER).body().contains("\"released\""));

    HttpResponse<String> unknown = Api.post("/api/v1/manage/sites/transportation/releases", """
        {"name": "x", "releaseAt": "%s", "items": ["no-such-item"]}""".formatted(inSeconds(60)), WEBMASTER);
    assertEquals(400, unknown.statusCode(), unknown.body());
  }

  @Test
  void aSiteCanRequireThatTheReviewerIsNotTheAuthor() {
    String settings = "/api/v1/manage/sites/transportation";
    assertEquals(200, Api.put(settings, "{\"requireDistinctReviewer\": true}", WEBMASTER).statusCode());
    try {
      String own = slug("own");
      assertEquals(201, create(own, "自己寫的", "", WEBMASTER).statusCode());
      HttpResponse<String> refused = Api.post(BASE + own + "/transitions", "{\"action\":\"publish\"}", WEBMASTER);
      assertEquals(403, refused.statusCode(), refused.body());
      assertFalse(Api.get("/api/v1/sites/transportation/content/" + own).statusCode() == 200);

      String theirs = slug("theirs");
      assertEquals(201, create(theirs, "編輯寫的", "", Api.bearer("transportation-editor")).statusCode());
      assertEquals(200, Api.post(BASE + theirs + "/transitions", "{\"action\":\"publish\"}", WEBMASTER).statusCode());
    } finally {
      assertEquals(200, Api.put(settings, "{\"requireDistinctReviewer\": false}", WEBMASTER).statusCode());
    }
  }

}
