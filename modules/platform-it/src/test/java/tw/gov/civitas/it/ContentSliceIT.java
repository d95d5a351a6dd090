package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Database;

/**
 * The vertical slice: a webmaster's token from Keycloak, a page created and published through the
 * management API, then delivered as JSON and as HTML; and the refusals around it, none of which
 * stores anything.
 */
@ArquillianTest
class ContentSliceIT {

  private static final String SITE = "transportation";

  static String pageJson(String slug) {
    return """
        {"type": "page", "slug": "%s", "comment": "first draft",
         "fields": {
           "title": {"zh-TW": "臺中捷運綠線延伸段施工公告", "en": "Green Line extension works"},
           "summary": "施工期間請改道。",
           "body": "<p>施工期間<strong>請改道</strong>。</p><script>alert('x')</script>"}}
        """
        .formatted(slug);
  }

  static String createAndPublish(String webmaster, String site) {
    String slug = "works-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        Api.post(
            "/api/v1/manage/sites/" + site + "/content", pageJson(slug), Api.bearer(webmaster));
    assertEquals(201, created.statusCode(), created.body());
    HttpResponse<String> published =
        Api.post(
            "/api/v1/manage/sites/" + site + "/content/" + slug + "/transitions",
            "{\"action\": \"publish\"}",
            Api.bearer(webmaster));
    assertEquals(200, published.statusCode(), published.body());
    return slug;
  }

  @Test
  void webmasterCreatesPublishesAndCitizensReadItAsJsonAndHtml() {
    String slug = "works-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        Api.post(
            "/api/v1/manage/sites/transportation/content",
            pageJson(slug),
            Api.bearer("transportation-webmaster"));
    assertEquals(201, created.statusCode(), created.body());
    assertEquals(
        "/api/v1/manage/sites/transportation/content/" + slug,
        created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
    JsonObject draft = Api.json(created);
    assertEquals("draft", draft.getString("state"));
    assertEquals(1, draft.getInt("revision"));
    // rich text is sanitized on input
    assertEquals(
        "<p>施工期間<strong>請改道</strong>。</p>",
        draft.getJsonObject("fields").getJsonObject("body").getString("zh-TW"));

    // a draft is not public
    assertEquals(404, Api.get("/api/v1/sites/transportation/content/" + slug).statusCode());
    assertEquals(404, Api.get("/sites/transportation/" + slug).statusCode());

    HttpResponse<String> published =
        Api.post(
            "/api/v1/manage/sites/transportation/content/" + slug + "/transitions",
            "{\"action\": \"publish\"}",
            Api.bearer("transportation-webmaster"));
    assertEquals(200, published.statusCode(), published.body());
    assertEquals("published", Api.json(published).getString("state"));

    HttpResponse<String> json = Api.get("/api/v1/sites/transportation/content/" + slug);
    assertEquals(200, json.statusCode(), json.body());
    assertTrue(
        json.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    JsonObject item = Api.json(json);
    assertEquals("transportation", item.getString("site"));
    assertEquals("page", item.getString("type"));
    assertEquals("zh-TW", item.getString("lang"));
    assertEquals("臺中捷運綠線延伸段施工公告", item.getJsonObject("fields").getString("title"));
    assertEquals(
        List.of("en", "zh-TW"),
        item.getJsonArray("translations").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList());

    JsonObject english =
        Api.json(Api.get("/api/v1/sites/transportation/content/" + slug + "?lang=en"));
    assertEquals("Green Line extension works", english.getJsonObject("fields").getString("title"));
    // not translated: falls back to the site's default language
    assertEquals("施工期間請改道。", english.getJsonObject("fields").getString("summary"));

    String etag = json.headers().firstValue("ETag").orElseThrow();
    assertEquals(
        304,
        Api.get("/api/v1/sites/transportation/content/" + slug, "If-None-Match", etag)
            .statusCode());

    HttpResponse<String> html = Api.get("/sites/transportation/" + slug);
    assertEquals(200, html.statusCode());
    assertTrue(html.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    assertTrue(html.body().contains("<h1>臺中捷運綠線延伸段施工公告</h1>"), html.body());
    assertTrue(html.body().contains("<strong>請改道</strong>"));
    assertFalse(html.body().contains("alert('x')"));
    assertTrue(html.body().contains("hreflang=\"en\""));
    // absolute alternates and canonical (search engines ignore relative ones), the summary as
    // description
    String page = tw.gov.civitas.it.support.Ports.BASE_URL + "/sites/transportation/" + slug;
    assertTrue(
        html.body()
            .contains("<link rel=\"alternate\" hreflang=\"en\" href=\"" + page + "?lang=en\">"),
        html.body());
    assertTrue(html.body().contains("<link rel=\"canonical\" href=\"" + page + "\">"), html.body());
    assertTrue(
        html.body().contains("<meta name=\"description\" content=\"施工期間請改道。\">"), html.body());
    // shared on social media with its own title, text and address (Open Graph)
    for (String og :
        List.of(
            "<meta property=\"og:type\" content=\"article\">",
            "<meta property=\"og:title\" content=\"臺中捷運綠線延伸段施工公告\">",
            "<meta property=\"og:description\" content=\"施工期間請改道。\">",
            "<meta property=\"og:locale\" content=\"zh_TW\">",
            "<meta property=\"og:url\" content=\"" + page + "\">")) {
      assertTrue(html.body().contains(og), og + " in " + html.body());
    }

    // a production domain routes by Host header to the same page
    HttpResponse<String> byHost = Api.get("/" + slug, "Host", "transportation.localhost");
    assertEquals(200, byHost.statusCode());
    assertTrue(byHost.body().contains("<h1>臺中捷運綠線延伸段施工公告</h1>"));

    // the writes were audited, with who and where
    assertEquals(
        2,
        Database.count(
            "select count(*) from audit_event where site_key = ? and entity_id = ?"
                + " and actor = 'transportation-webmaster' and action in ('content.create', 'content.publish')",
            SITE,
            slug));
  }

  @Test
  void anotherAgencysWebmasterIsRefusedAndNothingIsStored() {
    String slug = "intruder-" + UUID.randomUUID().toString().substring(0, 8);
    long itemsBefore = Database.count("select count(*) from content_item");
    long auditBefore = Database.count("select count(*) from audit_event");

    HttpResponse<String> r =
        Api.post(
            "/api/v1/manage/sites/transportation/content",
            pageJson(slug),
            Api.bearer("xitun-webmaster"));
    assertEquals(403, r.statusCode(), r.body());
    assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElseThrow());
    JsonObject problem = Api.json(r);
    assertEquals(403, problem.getInt("status"));
    assertTrue(problem.getString("detail").contains("transportation"));

    // but on their own site it works
    assertEquals(
        201,
        Api.post(
                "/api/v1/manage/sites/xitun-district/content",
                pageJson(slug),
                Api.bearer("xitun-webmaster"))
            .statusCode());

    assertEquals(itemsBefore + 1, Database.count("select count(*) from content_item"));
    assertEquals(
        0,
        Database.count(
            "select count(*) from content_item i join site s on s.id = i.site_id"
                + " where s.site_key = 'transportation' and i.slug = ?",
            slug));
    assertEquals(auditBefore + 1, Database.count("select count(*) from audit_event"));
  }

  @Test
  void anEditorCanDraftButNotPublish() {
    String slug = "draft-" + UUID.randomUUID().toString().substring(0, 8);
    assertEquals(
        201,
        Api.post(
                "/api/v1/manage/sites/transportation/content",
                pageJson(slug),
                Api.bearer("transportation-editor"))
            .statusCode());
    HttpResponse<String> publish =
        Api.post(
            "/api/v1/manage/sites/transportation/content/" + slug + "/transitions",
            "{\"action\": \"publish\"}",
            Api.bearer("transportation-editor"));
    assertEquals(403, publish.statusCode(), publish.body());
    HttpResponse<String> submit =
        Api.post(
            "/api/v1/manage/sites/transportation/content/" + slug + "/transitions",
            "{\"action\": \"submit\"}",
            Api.bearer("transportation-editor"));
    assertEquals(200, submit.statusCode(), submit.body());
    assertEquals("in-review", Api.json(submit).getString("state"));
  }

  @Test
  void anonymousCallsGet401WithAProblemBody() {
    long before = Database.count("select count(*) from content_item");
    HttpResponse<String> r =
        Api.post("/api/v1/manage/sites/transportation/content", pageJson("anon-page"));
    assertEquals(401, r.statusCode(), r.body());
    assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(r.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
    assertEquals(before, Database.count("select count(*) from content_item"));
  }

  @Test
  void malformedAndInvalidBodiesGet400ListingTheFields() {
    long before = Database.count("select count(*) from content_item");

    HttpResponse<String> malformed =
        Api.post(
            "/api/v1/manage/sites/transportation/content",
            "{\"type\": \"page\", ",
            Api.bearer("transportation-webmaster"));
    assertEquals(400, malformed.statusCode(), malformed.body());
    assertEquals(
        "application/problem+json", malformed.headers().firstValue("Content-Type").orElseThrow());

    HttpResponse<String> invalid =
        Api.post(
            "/api/v1/manage/sites/transportation/content",
            """
        {"type": "event", "slug": "Bad Slug!", "fields": {"title": "%s", "startsAt": "next week", "colour": 1}}
        """
                .formatted("長".repeat(201)),
            Api.bearer("transportation-webmaster"));
    assertEquals(400, invalid.statusCode(), invalid.body());
    List<String> fields =
        Api.json(invalid).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("field"))
            .sorted()
            .toList();
    assertEquals(List.of("fields.colour", "fields.startsAt", "fields.title", "slug"), fields);

    assertEquals(before, Database.count("select count(*) from content_item"));
  }

  @Test
  void unknownSitesAndIllegalTransitionsAreRefused() {
    HttpResponse<String> noSite = Api.get("/api/v1/sites/atlantis/content/anything");
    assertEquals(404, noSite.statusCode());
    assertEquals(
        "application/problem+json", noSite.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(
        404,
        Api.post(
                "/api/v1/manage/sites/atlantis/content",
                pageJson("x-page"),
                Api.bearer("platform-admin"))
            .statusCode());

    String slug = createAndPublish("transportation-webmaster", SITE);
    HttpResponse<String> again =
        Api.post(
            "/api/v1/manage/sites/transportation/content/" + slug + "/transitions",
            "{\"action\": \"submit\"}",
            Api.bearer("transportation-webmaster"));
    assertEquals(409, again.statusCode(), again.body());
    HttpResponse<String> duplicate =
        Api.post(
            "/api/v1/manage/sites/transportation/content",
            pageJson(slug),
            Api.bearer("transportation-webmaster"));
    assertEquals(409, duplicate.statusCode(), duplicate.body());
  }
}
