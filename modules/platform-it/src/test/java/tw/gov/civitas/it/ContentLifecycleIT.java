package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
  private static final String PUBLIC = "/api/v1/sites/transportation/content/";
  private static final String[] WEBMASTER = Api.bearer("transportation-webmaster");
  private static final String[] EDITOR = Api.bearer("transportation-editor");

  static String slug(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static HttpResponse<String> create(String slug, String title, String extra, String... auth) {
    return Api.post(
        "/api/v1/manage/sites/transportation/content",
        """
        {"type": "news", "slug": "%s", "fields": {"title": "%s", "body": "<p>內文</p>"} %s}
        """
            .formatted(slug, title, extra),
        auth);
  }

  static String inSeconds(int s) {
    return OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(s).withNano(0).toString();
  }

  @Test
  void everySaveIsARevisionThatCanBeListedComparedAndRestored() {
    String slug = slug("rev");
    assertEquals(201, create(slug, "第一版標題", "", WEBMASTER).statusCode());
    Api.post(BASE + slug + "/transitions", "{\"action\":\"publish\"}", WEBMASTER);

    HttpResponse<String> updated =
        Api.put(
            BASE + slug,
            """
        {"fields": {"title": {"zh-TW": "第二版標題", "en": "Second title"}, "body": "<p>內文</p>"},
         "comment": "clearer title"}""",
            WEBMASTER);
    assertEquals(200, updated.statusCode(), updated.body());
    assertEquals(2, Api.json(updated).getInt("revision"));
    // still public as published (revision 1) until republished
    assertEquals(
        "第一版標題",
        Api.json(Api.get("/api/v1/sites/transportation/content/" + slug))
            .getJsonObject("fields")
            .getString("title"));

    List<JsonObject> revisions =
        Api.json(Api.get(BASE + slug + "/revisions", WEBMASTER))
            .getJsonArray("items")
            .getValuesAs(JsonObject.class);
    assertEquals(List.of(2, 1), revisions.stream().map(r -> r.getInt("number")).toList());
    assertEquals("clearer title", revisions.get(0).getString("comment"));
    assertEquals("transportation-webmaster", revisions.get(0).getString("author"));
    assertTrue(revisions.get(1).getBoolean("published"));

    List<JsonObject> changes =
        Api.json(Api.get(BASE + slug + "/diff?from=1&to=2", WEBMASTER))
            .getJsonArray("changes")
            .getValuesAs(JsonObject.class);
    assertEquals(
        List.of("title.en", "title.zh-TW"),
        changes.stream().map(c -> c.getString("field")).toList());
    assertEquals("第一版標題", changes.get(1).getString("before"));
    assertEquals("第二版標題", changes.get(1).getString("after"));

    HttpResponse<String> restored = Api.post(BASE + slug + "/revisions/1/restore", "", WEBMASTER);
    assertEquals(200, restored.statusCode(), restored.body());
    JsonObject r3 = Api.json(restored);
    assertEquals(3, r3.getInt("revision"));
    assertEquals("第一版標題", r3.getJsonObject("fields").getJsonObject("title").getString("zh-TW"));
    assertEquals(
        3, Api.json(Api.get(BASE + slug + "/revisions", WEBMASTER)).getJsonArray("items").size());

    Api.post(BASE + slug + "/transitions", "{\"action\":\"publish\"}", WEBMASTER);
    assertEquals(
        3, Api.json(Api.get("/api/v1/sites/transportation/content/" + slug)).getInt("revision"));

    assertEquals(404, Api.get(BASE + slug + "/revisions/9", WEBMASTER).statusCode());
    assertEquals(
        403, Api.get(BASE + slug + "/revisions", Api.bearer("xitun-webmaster")).statusCode());
  }

  @Test
  void scheduledPublishAndUnpublishHappenOnTime() {
    String slug = slug("timed");
    HttpResponse<String> r =
        create(
            slug,
            "定時發布",
            ", \"publishAt\": \"" + inSeconds(2) + "\", \"unpublishAt\": \"" + inSeconds(6) + "\"",
            WEBMASTER);
    assertEquals(201, r.statusCode(), r.body());
    assertEquals(404, Api.get("/api/v1/sites/transportation/content/" + slug).statusCode());
    Eventually.until(
        "the scheduled publication",
        Duration.ofSeconds(20),
        () -> Api.get("/api/v1/sites/transportation/content/" + slug).statusCode() == 200);
    Eventually.until(
        "the scheduled unpublication",
        Duration.ofSeconds(20),
        () -> Api.get("/api/v1/sites/transportation/content/" + slug).statusCode() == 404);
    assertEquals(
        1,
        Database.count(
            "select count(*) from audit_event where entity_id = ? and actor = 'system:scheduler'"
                + " and action = 'content.scheduled-publish'",
            slug));
    assertEquals(
        1,
        Database.count(
            "select count(*) from audit_event where entity_id = ? and actor = 'system:scheduler'"
                + " and action = 'content.scheduled-unpublish'",
            slug));
  }

  @Test
  void anEditorCannotSchedulePublication() {
    long before = Database.count("select count(*) from content_item");
    HttpResponse<String> r =
        create(
            slug("sched"),
            "編輯排程",
            ", \"publishAt\": \"" + inSeconds(60) + "\"",
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
    HttpResponse<String> release =
        Api.post(
            "/api/v1/manage/sites/transportation/releases",
            """
        {"name": "端午連假", "releaseAt": "%s", "items": ["%s", "%s"]}"""
                .formatted(inSeconds(2), a, b),
            WEBMASTER);
    assertEquals(201, release.statusCode(), release.body());
    assertEquals("scheduled", Api.json(release).getString("state"));
    Eventually.until(
        "the release",
        Duration.ofSeconds(20),
        () -> Api.get("/api/v1/sites/transportation/content/" + a).statusCode() == 200);
    assertEquals(200, Api.get("/api/v1/sites/transportation/content/" + b).statusCode());
    assertTrue(
        Api.get("/api/v1/manage/sites/transportation/releases", WEBMASTER)
            .body()
            .contains("\"released\""));

    HttpResponse<String> unknown =
        Api.post(
            "/api/v1/manage/sites/transportation/releases",
            """
        {"name": "x", "releaseAt": "%s", "items": ["no-such-item"]}"""
                .formatted(inSeconds(60)),
            WEBMASTER);
    assertEquals(400, unknown.statusCode(), unknown.body());
  }

  @Test
  void aCancelledReleasePublishesNothing() {
    String a = slug("rel-cancel");
    String b = slug("rel-kept");
    assertEquals(201, create(a, "取消的發布", "", WEBMASTER).statusCode());
    assertEquals(201, create(b, "照常的發布", "", WEBMASTER).statusCode());
    String at = inSeconds(6);
    String releases = "/api/v1/manage/sites/transportation/releases";
    HttpResponse<String> release =
        Api.post(
            releases,
            """
        {"name": "取消", "releaseAt": "%s", "items": ["%s"]}"""
                .formatted(at, a),
            WEBMASTER);
    // a release due at the same time, not cancelled: once it ran, the scheduler has seen both
    assertEquals(
        201,
        Api.post(
                releases,
                """
        {"name": "照常", "releaseAt": "%s", "items": ["%s"]}"""
                    .formatted(at, b),
                WEBMASTER)
            .statusCode());
    assertEquals(201, release.statusCode(), release.body());
    long id = Api.json(release).getJsonNumber("id").longValue();
    String cancel = "/api/v1/manage/sites/transportation/releases/" + id + "/cancel";

    assertEquals(
        403, Api.post(cancel, "", Api.bearer("transportation-editor")).statusCode(), "an editor");
    assertEquals(
        404,
        Api.post(
                "/api/v1/manage/sites/xitun-district/releases/" + id + "/cancel",
                "",
                Api.bearer("platform-admin"))
            .statusCode(),
        "the release of another site");
    HttpResponse<String> cancelled = Api.post(cancel, "", WEBMASTER);
    assertEquals(200, cancelled.statusCode(), cancelled.body());
    assertEquals("cancelled", Api.json(cancelled).getString("state"));
    HttpResponse<String> again = Api.post(cancel, "", WEBMASTER);
    assertEquals(409, again.statusCode(), again.body());
    assertTrue(again.headers().firstValue("content-type").orElse("").contains("problem+json"));

    Eventually.until(
        "the other release",
        Duration.ofSeconds(20),
        () -> Api.get("/api/v1/sites/transportation/content/" + b).statusCode() == 200);
    assertEquals(404, Api.get("/api/v1/sites/transportation/content/" + a).statusCode());
    assertEquals("draft", Api.json(Api.get(BASE + a, WEBMASTER)).getString("state"));
  }

  @Test
  void aSiteCanRequireThatTheReviewerIsNotTheAuthor() {
    withDistinctReviewer(
        () -> {
          String own = slug("own");
          assertEquals(201, create(own, "自己寫的", "", WEBMASTER).statusCode());
          HttpResponse<String> refused =
              Api.post(BASE + own + "/transitions", "{\"action\":\"publish\"}", WEBMASTER);
          assertEquals(403, refused.statusCode(), refused.body());
          assertFalse(Api.get("/api/v1/sites/transportation/content/" + own).statusCode() == 200);

          String theirs = slug("theirs");
          assertEquals(
              201, create(theirs, "編輯寫的", "", Api.bearer("transportation-editor")).statusCode());
          assertEquals(
              200,
              Api.post(BASE + theirs + "/transitions", "{\"action\":\"publish\"}", WEBMASTER)
                  .statusCode());
        });
  }

  /**
   * Runs {@code test} while the site requires a distinct reviewer, and switches the rule off again.
   */
  static void withDistinctReviewer(Runnable test) {
    String settings = "/api/v1/manage/sites/transportation";
    assertEquals(
        200, Api.put(settings, "{\"requireDistinctReviewer\": true}", WEBMASTER).statusCode());
    try {
      test.run();
    } finally {
      assertEquals(
          200, Api.put(settings, "{\"requireDistinctReviewer\": false}", WEBMASTER).statusCode());
    }
  }

  static Instant instant(String dateTime) {
    return OffsetDateTime.parse(dateTime).toInstant();
  }

  static String fields(String title) {
    return "{\"title\": \"" + title + "\", \"body\": \"<p>內文</p>\"}";
  }

  static JsonObject managed(String slug) {
    HttpResponse<String> r = Api.get(BASE + slug, WEBMASTER);
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r);
  }

  static long audited(String action, String slug) {
    return Database.count(
        "select count(*) from audit_event where entity_id = ? and action = ?", slug, action);
  }

  @Test
  void aTypoFixThatDoesNotMentionTheScheduleLeavesItAsItIs() {
    String slug = slug("typo");
    assertEquals(201, create(slug, "施工公告", "", EDITOR).statusCode());
    assertEquals(
        200,
        Api.post(BASE + slug + "/transitions", "{\"action\":\"publish\"}", WEBMASTER).statusCode());
    String unpublishAt = inSeconds(8);
    HttpResponse<String> scheduled =
        Api.put(
            BASE + slug,
            "{\"fields\": " + fields("施工公告") + ", \"unpublishAt\": \"" + unpublishAt + "\"}",
            WEBMASTER);
    assertEquals(200, scheduled.statusCode(), scheduled.body());

    // An editor (who may not schedule) fixes a typo and says nothing about the schedule.
    HttpResponse<String> typo =
        Api.put(BASE + slug, "{\"fields\": " + fields("施工公吿更正") + "}", EDITOR);
    assertEquals(200, typo.statusCode(), typo.body());
    assertEquals(instant(unpublishAt), instant(Api.json(typo).getString("unpublishAt")));

    // Sending back what GET shows changes nothing about the schedule, so it needs no right to
    // schedule.
    JsonObject read = managed(slug);
    assertEquals(instant(unpublishAt), instant(read.getString("unpublishAt")));
    HttpResponse<String> roundTrip =
        Api.put(
            BASE + slug,
            "{\"fields\": "
                + read.getJsonObject("fields")
                + ", \"tags\": "
                + read.getJsonArray("tags")
                + ", \"unpublishAt\": \""
                + read.getString("unpublishAt")
                + "\"}",
            EDITOR);
    assertEquals(200, roundTrip.statusCode(), roundTrip.body());
    assertEquals(4, Api.json(roundTrip).getInt("revision"));

    Eventually.until(
        "the scheduled unpublication",
        Duration.ofSeconds(20),
        () -> Api.get(PUBLIC + slug).statusCode() == 404);
    assertEquals(1, audited("content.scheduled-unpublish", slug));
  }

  @Test
  void aScheduledPublicationPublishesTheApprovedRevisionAndALaterDraftStaysADraft() {
    String slug = slug("approved");
    assertEquals(201, create(slug, "初稿", "", EDITOR).statusCode());
    // The webmaster reviews the draft, settles the title (revision 2) and schedules that revision.
    HttpResponse<String> approved =
        Api.put(
            BASE + slug,
            "{\"fields\": " + fields("核准的版本") + ", \"publishAt\": \"" + inSeconds(4) + "\"}",
            WEBMASTER);
    assertEquals(200, approved.statusCode(), approved.body());
    // Then the editor saves another draft that nobody reviewed.
    assertEquals(
        200, Api.put(BASE + slug, "{\"fields\": " + fields("未經審核的草稿") + "}", EDITOR).statusCode());
    JsonObject waiting = managed(slug);
    assertEquals(3, waiting.getInt("revision"));
    assertEquals(2, waiting.getInt("scheduledRevision"));

    Eventually.until(
        "the scheduled publication",
        Duration.ofSeconds(20),
        () -> Api.get(PUBLIC + slug).statusCode() == 200);
    JsonObject published = Api.json(Api.get(PUBLIC + slug));
    assertEquals("核准的版本", published.getJsonObject("fields").getString("title"));
    assertEquals(2, published.getInt("revision"));
    JsonObject after = managed(slug);
    assertEquals(
        3, after.getInt("revision"), "the later draft stays the current revision, unpublished");
    assertEquals(2, after.getInt("publishedRevision"));
    assertEquals(1, audited("content.scheduled-publish", slug));
    assertEquals(
        1,
        audited("content.review-requested", slug),
        "the site's reviewers are asked to review revision 3");
  }

  @Test
  void aReleasePublishesTheRevisionsItWasScheduledWith() {
    String slug = slug("rel-approved");
    assertEquals(201, create(slug, "核准的公告", "", EDITOR).statusCode());
    HttpResponse<String> release =
        Api.post(
            "/api/v1/manage/sites/transportation/releases",
            """
        {"name": "核准版本 %s", "releaseAt": "%s", "items": ["%s"]}"""
                .formatted(slug, inSeconds(4), slug),
            WEBMASTER);
    assertEquals(201, release.statusCode(), release.body());
    assertEquals(1, Api.json(release).getJsonObject("revisions").getInt(slug));
    assertEquals(
        200, Api.put(BASE + slug, "{\"fields\": " + fields("未經審核的草稿") + "}", EDITOR).statusCode());

    Eventually.until(
        "the release", Duration.ofSeconds(20), () -> Api.get(PUBLIC + slug).statusCode() == 200);
    JsonObject published = Api.json(Api.get(PUBLIC + slug));
    assertEquals("核准的公告", published.getJsonObject("fields").getString("title"));
    assertEquals(1, published.getInt("revision"));
    assertEquals(2, managed(slug).getInt("revision"));
    assertEquals(1, audited("content.review-requested", slug));
  }

  @Test
  void schedulingIsAReviewUnderTheDistinctReviewerRule() {
    withDistinctReviewer(
        () -> {
          String own = slug("own-sched");
          assertEquals(201, create(own, "自己排程", "", WEBMASTER).statusCode());
          HttpResponse<String> refused =
              Api.put(BASE + own, "{\"publishAt\": \"" + inSeconds(600) + "\"}", WEBMASTER);
          assertEquals(403, refused.statusCode(), refused.body());
          assertFalse(managed(own).containsKey("publishAt"));
          HttpResponse<String> ownRelease =
              Api.post(
                  "/api/v1/manage/sites/transportation/releases",
                  """
          {"name": "自己的發布", "releaseAt": "%s", "items": ["%s"]}"""
                      .formatted(inSeconds(600), own),
                  WEBMASTER);
          assertEquals(403, ownRelease.statusCode(), ownRelease.body());

          String theirs = slug("their-sched");
          assertEquals(201, create(theirs, "編輯寫的", "", EDITOR).statusCode());
          HttpResponse<String> scheduled =
              Api.put(BASE + theirs, "{\"publishAt\": \"" + inSeconds(600) + "\"}", WEBMASTER);
          assertEquals(200, scheduled.statusCode(), scheduled.body());
          assertEquals(
              1, Api.json(scheduled).getInt("revision"), "a schedule alone makes no revision");
          assertEquals(1, Api.json(scheduled).getInt("scheduledRevision"));
          // null cancels the schedule
          HttpResponse<String> cancelled =
              Api.put(BASE + theirs, "{\"publishAt\": null}", WEBMASTER);
          assertEquals(200, cancelled.statusCode(), cancelled.body());
          assertFalse(managed(theirs).containsKey("publishAt"));
        });
  }

  @Test
  void aBrokenScheduledItemOrReleaseDoesNotHoldUpTheOthers() {
    String broken = slug("broken");
    String fine = slug("fine");
    String brokenInRelease = slug("broken-rel");
    String fineInRelease = slug("fine-rel");
    assertEquals(
        201,
        create(broken, "壞掉的排程", ", \"publishAt\": \"" + inSeconds(5) + "\"", WEBMASTER)
            .statusCode());
    assertEquals(
        201,
        create(fine, "正常的排程", ", \"publishAt\": \"" + inSeconds(6) + "\"", WEBMASTER).statusCode());
    assertEquals(201, create(brokenInRelease, "壞掉的發布", "", WEBMASTER).statusCode());
    assertEquals(201, create(fineInRelease, "正常的發布", "", WEBMASTER).statusCode());
    for (String[] release :
        new String[][] {{brokenInRelease, inSeconds(5)}, {fineInRelease, inSeconds(6)}}) {
      assertEquals(
          201,
          Api.post(
                  "/api/v1/manage/sites/transportation/releases",
                  """
          {"name": "%s", "releaseAt": "%s", "items": ["%s"]}"""
                      .formatted(release[0], release[1], release[0]),
                  WEBMASTER)
              .statusCode());
    }
    // Behind the platform's back, the revisions the broken ones would publish disappear.
    Database.execute(
        "delete from content_revision where item_id in (select id from content_item where slug in (?, ?))",
        broken,
        brokenInRelease);
    try {
      Eventually.until(
          "the sound scheduled item",
          Duration.ofSeconds(20),
          () -> Api.get(PUBLIC + fine).statusCode() == 200);
      Eventually.until(
          "the sound release",
          Duration.ofSeconds(20),
          () -> Api.get(PUBLIC + fineInRelease).statusCode() == 200);
      assertEquals(404, Api.get(PUBLIC + broken).statusCode());
      assertEquals(404, Api.get(PUBLIC + brokenInRelease).statusCode());
      assertEquals(
          1,
          audited("content.scheduled-publish-failed", broken),
          "the failure is recorded once, then set aside");
      assertEquals(
          1,
          Database.count(
              "select count(*) from content_release where name = ? and state = 'FAILED'",
              brokenInRelease));
      assertEquals(
          1,
          Database.count(
              "select count(*) from audit_event e join content_release r"
                  + " on e.entity_id = cast(r.id as varchar) where r.name = ? and e.action = 'release.failed'",
              brokenInRelease));
    } finally {
      Database.execute("delete from content_item where slug in (?, ?)", broken, brokenInRelease);
    }
  }
}
