package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.gov.civitas.it.support.Api;

/**
 * Public lists, search, menus and site settings, on a site of its own ({@code
 * economic-development}) so that counts are exact; and that a change is visible on the very next
 * request despite the response cache.
 */
@ArquillianTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryListsIT {

  private static final String SITE = "economic-development";
  private static final String MANAGE = "/api/v1/manage/sites/" + SITE;
  private final String[] admin = Api.bearer("platform-admin");
  private final String run = UUID.randomUUID().toString().substring(0, 6);

  private String slug(String name) {
    return name + "-" + run;
  }

  private void publish(String slug, String title, String body, String tags) {
    HttpResponse<String> c =
        Api.post(
            MANAGE + "/content",
            """
        {"type": "news", "slug": "%s", "tags": %s,
         "fields": {"title": %s, "body": "%s"}}"""
                .formatted(slug, tags, title, body),
            admin);
    assertEquals(201, c.statusCode(), c.body());
    assertEquals(
        200,
        Api.post(MANAGE + "/content/" + slug + "/transitions", "{\"action\":\"publish\"}", admin)
            .statusCode());
  }

  @BeforeAll
  void publishNews() {
    publish(
        slug("market"),
        "{\"zh-TW\": \"第二市場整修完成\", \"en\": \"Second Market renovated\"}",
        "<p>市場重新開放，攤商回流。</p>",
        "[\"市場\", \"renovation\"]");
    publish(slug("metro"), "\"捷運綠線延伸段動工\"", "<p>北屯至大坑段施工。</p>", "[\"交通\"]");
    publish(
        slug("festival"),
        "{\"zh-TW\": \"端午龍舟賽報名開始\", \"en\": \"Dragon boat race sign-up\"}",
        "<p>歡迎各界組隊參加 dragon boat。</p>",
        "[\"活動\", \"renovation\"]");
    Api.post(
        MANAGE + "/content",
        """
        {"type": "page", "slug": "%s", "fields": {"title": "未發布的頁面"}}"""
            .formatted(slug("draft")),
        admin);
  }

  private List<String> slugs(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r).getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(i -> i.getString("slug"))
        .filter(s -> s.endsWith(run))
        .toList();
  }

  @Test
  void aSiteListIsNewestFirstFilteredAndPaginated() {
    assertEquals(
        List.of(slug("festival"), slug("metro"), slug("market")),
        slugs(Api.get("/api/v1/sites/" + SITE + "/content?type=news")));
    assertEquals(
        List.of(slug("festival"), slug("market")),
        slugs(Api.get("/api/v1/sites/" + SITE + "/content?tag=renovation")));
    assertEquals(
        List.of(slug("market"), slug("metro"), slug("festival")),
        slugs(Api.get("/api/v1/sites/" + SITE + "/content?type=news&sort=publishedAt")));

    JsonObject page2 =
        Api.json(Api.get("/api/v1/sites/" + SITE + "/content?type=news&size=2&page=2"));
    assertTrue(page2.getInt("total") >= 3);
    assertEquals(2, page2.getInt("page"));
    assertFalse(Api.get("/api/v1/sites/" + SITE + "/content").body().contains(slug("draft")));

    JsonObject en =
        Api.json(Api.get("/api/v1/sites/" + SITE + "/content?type=news&lang=en&size=100"));
    assertTrue(en.toString().contains("Dragon boat race sign-up"));

    HttpResponse<String> bad =
        Api.get("/api/v1/sites/" + SITE + "/content?size=1000&sort=sideways&from=yesterday");
    assertEquals(400, bad.statusCode());
    List<String> fields =
        Api.json(bad).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("field"))
            .sorted()
            .toList();
    assertEquals(List.of("from", "size", "sort"), fields);
    assertEquals(404, Api.get("/api/v1/sites/atlantis/content").statusCode());
  }

  @Test
  void crossSiteListsGatherSeveralAgencies() {
    String other = "xitun-" + run;
    Api.post(
        "/api/v1/manage/sites/xitun-district/content",
        """
        {"type": "news", "slug": "%s", "fields": {"title": "西屯區端午連假垃圾清運"}}"""
            .formatted(other),
        admin);
    Api.post(
        "/api/v1/manage/sites/xitun-district/content/" + other + "/transitions",
        "{\"action\":\"publish\"}",
        admin);
    List<JsonObject> items =
        Api.json(Api.get("/api/v1/content?type=news&site=" + SITE + ",xitun-district&size=100"))
            .getJsonArray("items")
            .getValuesAs(JsonObject.class);
    assertTrue(
        items.stream()
            .anyMatch(
                i ->
                    i.getString("slug").equals(other)
                        && i.getString("site").equals("xitun-district")));
    assertTrue(
        items.stream()
            .anyMatch(
                i ->
                    i.getString("slug").equals(slug("metro")) && i.getString("site").equals(SITE)));
    assertTrue(
        items.stream()
            .allMatch(i -> List.of(SITE, "xitun-district").contains(i.getString("site"))));
    assertEquals(404, Api.get("/api/v1/content?site=atlantis").statusCode());
  }

  @Test
  void searchFindsChineseAndEnglishWords() {
    assertEquals(List.of(slug("metro")), slugs(Api.get("/api/v1/sites/" + SITE + "/content?q=綠線")));
    assertEquals(
        List.of(slug("market")), slugs(Api.get("/api/v1/sites/" + SITE + "/content?q=攤商")));
    assertEquals(
        List.of(slug("festival")), slugs(Api.get("/api/v1/sites/" + SITE + "/content?q=dragon")));
    assertEquals(List.of(), slugs(Api.get("/api/v1/sites/" + SITE + "/content?q=未發布")));
    // cross-site search with a filter
    assertTrue(slugs(Api.get("/api/v1/content?q=龍舟&type=news")).contains(slug("festival")));
  }

  @Test
  void aChangeIsVisibleOnTheNextRequestDespiteTheCache() {
    String path = "/api/v1/sites/" + SITE + "/content/" + slug("metro");
    HttpResponse<String> first = Api.get(path);
    HttpResponse<String> second = Api.get(path);
    assertEquals(first.body(), second.body());
    assertEquals(
        "hit",
        second.headers().firstValue("X-Civitas-Cache").orElse(null),
        "the second read is a cache hit");
    String etag = second.headers().firstValue("ETag").orElseThrow();
    assertEquals(304, Api.get(path, "If-None-Match", etag).statusCode());
    String page = "/sites/" + SITE + "/" + slug("metro");
    assertTrue(Api.get(page).body().contains("捷運綠線延伸段動工"));
    assertEquals("hit", Api.get(page).headers().firstValue("X-Civitas-Cache").orElse(null));
    String list = "/api/v1/sites/" + SITE + "/content?type=news";
    Api.get(list); // warm the list
    assertEquals("hit", Api.get(list).headers().firstValue("X-Civitas-Cache").orElse(null));

    HttpResponse<String> unpublished =
        Api.post(
            MANAGE + "/content/" + slug("metro") + "/transitions",
            "{\"action\":\"unpublish\"}",
            admin);
    assertEquals(200, unpublished.statusCode());
    assertEquals(404, Api.get(path).statusCode());
    assertEquals(404, Api.get("/sites/" + SITE + "/" + slug("metro")).statusCode());
    assertFalse(
        slugs(Api.get("/api/v1/sites/" + SITE + "/content?type=news")).contains(slug("metro")));

    assertEquals(
        200,
        Api.post(
                MANAGE + "/content/" + slug("metro") + "/transitions",
                "{\"action\":\"publish\"}",
                admin)
            .statusCode());
    assertEquals(200, Api.get(path).statusCode());
  }

  @Test
  void menusLinkPublishedItemsOnly() {
    HttpResponse<String> put =
        Api.put(
            MANAGE + "/menus/main",
            """
        {"entries": [
          {"label": {"zh-TW": "最新消息", "en": "News"}, "url": "/sites/%1$s/"},
          {"label": "市場", "item": "%2$s", "children": [
             {"label": {"zh-TW": "草稿", "en": "Draft"}, "item": "%3$s"}]}]}"""
                .formatted(SITE, slug("market"), slug("draft")),
            admin);
    assertEquals(200, put.statusCode(), put.body());
    JsonObject menu = Api.json(Api.get("/api/v1/sites/" + SITE + "/menus/main?lang=en"));
    List<JsonObject> entries = menu.getJsonArray("entries").getValuesAs(JsonObject.class);
    assertEquals("News", entries.get(0).getString("label"));
    assertEquals("市場", entries.get(1).getString("label"));
    assertEquals(
        "/sites/" + SITE + "/" + slug("market") + "?lang=en", entries.get(1).getString("href"));
    assertEquals(0, entries.get(1).getJsonArray("children").size(), "the draft is not linked");

    HttpResponse<String> evil =
        Api.put(
            MANAGE + "/menus/main",
            """
        {"entries": [{"label": "x", "url": "javascript:alert(1)"}, {"label": "y", "item": "nope"}]}""",
            admin);
    assertEquals(400, evil.statusCode());
    assertEquals(
        List.of("entries[0].url", "entries[1].item"),
        Api.json(evil).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("field"))
            .toList());
    assertEquals(
        403,
        Api.put(MANAGE + "/menus/main", "{\"entries\": []}", Api.bearer("xitun-webmaster"))
            .statusCode());
    assertEquals(404, Api.get("/api/v1/sites/" + SITE + "/menus/nothing").statusCode());
  }

  @Test
  void siteSettingsAddADomainThatRoutesToTheSite() {
    String domain = "econ-" + run + ".localhost";
    HttpResponse<String> r =
        Api.put(
            MANAGE,
            """
        {"name": {"en": "Economic Development Bureau"}, "domains": ["%s", "economic-development.localhost"]}"""
                .formatted(domain),
            admin);
    assertEquals(200, r.statusCode(), r.body());
    HttpResponse<String> page = Api.get("/" + slug("market"), "Host", domain);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("第二市場整修完成"));

    HttpResponse<String> taken =
        Api.put(
            "/api/v1/manage/sites/xitun-district",
            """
        {"domains": ["%s"]}"""
                .formatted(domain),
            admin);
    assertEquals(409, taken.statusCode(), taken.body());
    HttpResponse<String> bad =
        Api.put(MANAGE, "{\"theme\": \"no-such-theme\", \"defaultLanguage\": \"fr\"}", admin);
    assertEquals(400, bad.statusCode());
    assertEquals(
        403,
        Api.put(MANAGE, "{\"theme\": \"civic\"}", Api.bearer("transportation-webmaster"))
            .statusCode());
  }
}
