package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.it.support.Api;

/**
 * What an editor (the Faces one or a headless one) needs from the management API: a site's items
 * with their drafts, filtered and paged; its content types as schemas; one step on many items.
 */
@ArquillianTest
class ManagedItemListIT {

  private static final String SITE = "/api/v1/manage/sites/transportation/";
  private static final String[] WEBMASTER = Api.bearer("transportation-webmaster");
  private static final String[] EDITOR = Api.bearer("transportation-editor");
  private static final String[] REVIEWER = Api.bearer("transportation-reviewer");

  /** A word no other test or demo item holds, so that a search finds this test's items only. */
  private static String marker() {
    return "清單" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String create(String type, String title, String en, String... auth) {
    String slug = "list-" + UUID.randomUUID().toString().substring(0, 8);
    String titleJson =
        en == null ? "\"" + title + "\"" : "{\"zh-TW\": \"" + title + "\", \"en\": \"" + en + "\"}";
    HttpResponse<String> r =
        Api.post(
            SITE + "content",
            "{\"type\": \""
                + type
                + "\", \"slug\": \""
                + slug
                + "\", \"fields\": {\"title\": "
                + titleJson
                + (type.equals("faq") ? ", \"body\": \"<p>答</p>\"" : "")
                + "}}",
            auth);
    assertEquals(201, r.statusCode(), r.body());
    return slug;
  }

  private static JsonObject list(String query, String... auth) {
    HttpResponse<String> r = Api.get(SITE + "content?" + query, auth);
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r);
  }

  private static List<String> slugs(JsonObject page) {
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(i -> i.getString("slug"))
        .toList();
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void draftsAreListedWithTheirAuthorsAndFilteredByEveryCriterion() {
    String m = marker();
    String news = create("news", m + " 公車新聞", "Bus news " + m, EDITOR);
    String page = create("page", m + " 乙 頁面", null, WEBMASTER);
    String faq = create("faq", m + " 甲 問答", null, EDITOR);
    Api.post(SITE + "content/" + faq + "/transitions", "{\"action\": \"submit\"}", EDITOR);

    JsonObject all = list("q=" + q(m), EDITOR);
    assertEquals(3, all.getInt("total"), all.toString());
    // newest change first by default: the FAQ was submitted last
    assertEquals(faq, slugs(all).get(0));
    JsonObject first = all.getJsonArray("items").getJsonObject(0);
    assertEquals("in-review", first.getString("state"));
    assertEquals("transportation-editor", first.getString("author"));
    assertEquals(m + " 甲 問答", first.getString("title"));

    assertEquals(List.of(news), slugs(list("q=" + q(m) + "&type=news", EDITOR)));
    assertEquals(List.of(faq), slugs(list("q=" + q(m) + "&state=in-review", EDITOR)));
    assertEquals(List.of(news), slugs(list("q=" + q(m) + "&language=en", EDITOR)));
    assertEquals(
        List.of(page), slugs(list("q=" + q(m) + "&author=transportation-webmaster", EDITOR)));
    // Chinese words inside a title find it; the English title finds it too
    assertEquals(List.of(news), slugs(list("q=" + q(m + " 公車"), EDITOR)));
    assertEquals(List.of(news), slugs(list("q=" + q("Bus news " + m), EDITOR)));
    // the slug is searched as well
    assertEquals(List.of(page), slugs(list("q=" + page, EDITOR)));
    // a percent sign is a character, not a wildcard
    assertEquals(0, list("q=" + q(m + "%"), EDITOR).getInt("total"));
    // sorted by title: 乙 before 公 (U+4E59 < U+516C) and 甲 (U+7532) last
    assertEquals(List.of(page, news, faq), slugs(list("q=" + q(m) + "&sort=title", EDITOR)));
    assertEquals(List.of(faq, news, page), slugs(list("q=" + q(m) + "&sort=-title", EDITOR)));

    JsonObject p1 = list("q=" + q(m) + "&sort=title&size=2&page=1", EDITOR);
    JsonObject p2 = list("q=" + q(m) + "&sort=title&size=2&page=2", EDITOR);
    assertEquals(3, p1.getInt("total"));
    assertEquals(List.of(page, news), slugs(p1));
    assertEquals(List.of(faq), slugs(p2));
  }

  @Test
  void criteriaThatAreNotUnderstoodAreNamedInAProblem() {
    HttpResponse<String> r =
        Api.get(SITE + "content?state=lost&type=nothing&sort=colour&size=1000&language=fr", EDITOR);
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
    String fields =
        Api.json(r).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("field"))
            .sorted()
            .collect(Collectors.joining(","));
    assertEquals("language,size,sort,state,type", fields);
    assertEquals(400, Api.get(SITE + "content?updatedFrom=yesterday", EDITOR).statusCode());
  }

  @Test
  void contentTypesAreDescribedAsSchemas() {
    HttpResponse<String> r = Api.get(SITE + "content-types", EDITOR);
    assertEquals(200, r.statusCode(), r.body());
    Map<String, JsonObject> types =
        Api.json(r).getJsonArray("types").getValuesAs(JsonObject.class).stream()
            .collect(Collectors.toMap(t -> t.getString("type"), t -> t));
    assertTrue(
        types.keySet().containsAll(List.of("page", "news", "announcement", "event", "faq")),
        types.keySet().toString());
    JsonObject news = types.get("news");
    assertEquals("core::news", news.getString("id"));
    assertEquals("新聞", news.getJsonObject("name").getString("zh-TW"));
    JsonObject title = news.getJsonArray("fields").getJsonObject(0);
    assertEquals("title", title.getString("name"));
    assertEquals("text", title.getString("kind"));
    assertTrue(title.getBoolean("required"));
    assertTrue(title.getBoolean("translatable"));
    assertEquals(200, title.getInt("maxLength"));
    JsonObject event = types.get("event");
    JsonObject startsAt =
        event.getJsonArray("fields").getValuesAs(JsonObject.class).stream()
            .filter(f -> f.getString("name").equals("startsAt"))
            .findFirst()
            .orElseThrow();
    assertEquals("date-time", startsAt.getString("kind"));
    JsonObject files =
        types.get("download").getJsonArray("fields").getValuesAs(JsonObject.class).stream()
            .filter(f -> f.getString("kind").equals("group"))
            .findFirst()
            .orElseThrow();
    JsonObject file = files.getJsonArray("fields").getJsonObject(0);
    assertEquals("media", file.getString("kind"));
    assertEquals("document", file.getString("target"));
    // the test plug-in's type exists on the site that enables it, not here
    assertFalse(types.containsKey("note"), types.keySet().toString());
  }

  @Test
  void aBulkStepMovesEachItemOnItsOwnAndSaysWhatHappenedToEach() {
    String m = marker();
    String a = create("news", m + " 甲", null, EDITOR);
    String b = create("news", m + " 乙", null, EDITOR);
    String archived = create("news", m + " 丙", null, WEBMASTER);
    Api.post(SITE + "content/" + archived + "/transitions", "{\"action\": \"archive\"}", WEBMASTER);

    HttpResponse<String> r =
        Api.post(
            SITE + "content/transitions",
            "{\"action\": \"submit\", \"slugs\": [\""
                + a
                + "\", \""
                + archived
                + "\", \"no-such-item\", \""
                + b
                + "\"]}",
            EDITOR);
    assertEquals(200, r.statusCode(), r.body());
    Map<String, JsonObject> results =
        Api.json(r).getJsonArray("results").getValuesAs(JsonObject.class).stream()
            .collect(Collectors.toMap(o -> o.getString("slug"), o -> o));
    assertEquals(200, results.get(a).getInt("status"));
    assertEquals("in-review", results.get(a).getString("state"));
    assertEquals(200, results.get(b).getInt("status"));
    assertEquals(409, results.get(archived).getInt("status"));
    assertEquals(404, results.get("no-such-item").getInt("status"));
    assertEquals(2, list("q=" + q(m) + "&state=in-review", EDITOR).getInt("total"));

    // an editor may not publish: each item says so, none moves
    HttpResponse<String> publish =
        Api.post(
            SITE + "content/transitions",
            "{\"action\": \"publish\", \"slugs\": [\"" + a + "\", \"" + b + "\"]}",
            EDITOR);
    assertEquals(200, publish.statusCode(), publish.body());
    Api.json(publish)
        .getJsonArray("results")
        .getValuesAs(JsonObject.class)
        .forEach(o -> assertEquals(403, o.getInt("status"), o.toString()));
    assertEquals(0, list("q=" + q(m) + "&state=published", EDITOR).getInt("total"));

    // someone of another agency is refused as a whole
    assertEquals(
        403,
        Api.post(
                SITE + "content/transitions",
                "{\"action\": \"submit\", \"slugs\": [\"" + a + "\"]}",
                Api.bearer("xitun-webmaster"))
            .statusCode());
    assertEquals(
        400,
        Api.post(SITE + "content/transitions", "{\"action\": \"submit\", \"slugs\": []}", EDITOR)
            .statusCode());
    assertEquals(
        400,
        Api.post(
                SITE + "content/transitions",
                "{\"action\": \"submit\", \"slugs\": [\"" + a + "\"], \"colour\": 1}",
                EDITOR)
            .statusCode());
  }

  @Test
  void aReviewerSendsAnItemBackWithACommentTheAuthorsCanRead() {
    String slug = create("news", marker() + " 退回", null, EDITOR);
    Api.post(SITE + "content/" + slug + "/transitions", "{\"action\": \"submit\"}", EDITOR);

    HttpResponse<String> noComment =
        Api.post(
            SITE + "content/" + slug + "/transitions", "{\"action\": \"send-back\"}", REVIEWER);
    assertEquals(400, noComment.statusCode(), noComment.body());
    assertTrue(noComment.body().contains("comment"), noComment.body());
    // an editor cannot send back (it is a reviewer's decision)
    assertEquals(
        403,
        Api.post(
                SITE + "content/" + slug + "/transitions",
                "{\"action\": \"send-back\", \"comment\": \"自己退回\"}",
                EDITOR)
            .statusCode());

    HttpResponse<String> sent =
        Api.post(
            SITE + "content/" + slug + "/transitions",
            "{\"action\": \"send-back\", \"comment\": \"請補上路線圖\"}",
            REVIEWER);
    assertEquals(200, sent.statusCode(), sent.body());
    assertEquals("draft", Api.json(sent).getString("state"));

    HttpResponse<String> audit =
        Api.get(SITE + "audit?action=content.send-back&entity=" + slug, WEBMASTER);
    assertEquals(200, audit.statusCode(), audit.body());
    assertTrue(audit.body().contains("請補上路線圖"), audit.body());
  }
}
