package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Ports;

/**
 * Sitemaps with hreflang, RSS and Atom feeds, and open-data datasets in CSV (with BOM) and JSON.
 */
@ArquillianTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedsAndOpenDataIT {

  private final String slug = "feed-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  void publishNews() {
    String[] admin = Api.bearer("transportation-webmaster");
    HttpResponse<String> c =
        Api.post(
            "/api/v1/manage/sites/transportation/content",
            """
        {"type": "news", "slug": "%s", "tags": ["公車"],
         "fields": {"title": {"zh-TW": "公車路線調整", "en": "Bus route changes"}, "summary": "自下週一起生效"}}"""
                .formatted(slug),
            admin);
    assertEquals(201, c.statusCode(), c.body());
    Api.post(
        "/api/v1/manage/sites/transportation/content/" + slug + "/transitions",
        "{\"action\":\"publish\"}",
        admin);
  }

  private static Document xml(HttpResponse<String> r) throws Exception {
    assertEquals(200, r.statusCode(), r.body());
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theSitemapListsBothLanguagesWithHreflang() throws Exception {
    HttpResponse<String> r = Api.get("/sites/transportation/sitemap.xml");
    assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/xml"));
    Document doc = xml(r);
    String base = Ports.BASE_URL + "/sites/transportation/" + slug;
    String body = r.body();
    assertTrue(body.contains("<loc>" + base + "</loc>"), body);
    assertTrue(body.contains("<loc>" + base + "?lang=en</loc>"), body);
    assertTrue(doc.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "link").getLength() >= 2);
    assertTrue(body.contains("hreflang=\"zh-Hant-TW\""));

    // at the site's own domain, links use that domain
    HttpResponse<String> byHost = Api.get("/sitemap.xml", "Host", "transportation.localhost");
    assertTrue(
        byHost
                .body()
                .contains(
                    "<loc>http://transportation.localhost/sites/transportation/" + slug + "</loc>")
            || byHost
                .body()
                .contains(
                    "<loc>http://transportation.localhost:"
                        + Ports.HTTP
                        + "/sites/transportation/"
                        + slug
                        + "</loc>"),
        byHost.body());
  }

  @Test
  void rssAndAtomCarryTheNews() throws Exception {
    Document rss = xml(Api.get("/sites/transportation/feed.rss"));
    assertEquals("rss", rss.getDocumentElement().getLocalName());
    assertTrue(textOf(rss, "title").contains("公車路線調整"));
    Document atom = xml(Api.get("/sites/transportation/feed.atom?lang=en"));
    assertEquals("feed", atom.getDocumentElement().getLocalName());
    assertTrue(textOf(atom, "title").contains("Bus route changes"));
  }

  /**
   * RFC 4287 §4.1.1: a feed has an id, a title, an updated date and an author, also without any
   * entry.
   */
  @Test
  void anAtomFeedIsCompleteAlsoWithoutEntries() throws Exception {
    String key = "feed-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        Api.post(
            "/api/v1/manage/sites",
            "{\"key\": \"" + key + "\", \"name\": {\"zh-TW\": \"空白網站\", \"en\": \"Empty site\"}}",
            Api.bearer("platform-admin"));
    assertEquals(201, created.statusCode(), created.body());
    for (String site : List.of(key, "transportation")) {
      Document atom = xml(Api.get("/sites/" + site + "/feed.atom"));
      org.w3c.dom.Element feed = atom.getDocumentElement();
      java.util.Map<String, String> children = new java.util.HashMap<>();
      for (var n = feed.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof org.w3c.dom.Element e) {
          children.putIfAbsent(e.getLocalName(), e.getTextContent().strip());
        }
      }
      for (String required : List.of("id", "title", "updated", "author")) {
        assertTrue(!children.getOrDefault(required, "").isEmpty(), site + ": no " + required);
      }
      java.time.Instant updated =
          java.time.OffsetDateTime.parse(children.get("updated")).toInstant();
      var entries = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
      for (int i = 0; i < entries.getLength(); i++) {
        var entry = (org.w3c.dom.Element) entries.item(i);
        java.time.Instant entryUpdated =
            java.time.OffsetDateTime.parse(
                    entry
                        .getElementsByTagNameNS("http://www.w3.org/2005/Atom", "updated")
                        .item(0)
                        .getTextContent())
                .toInstant();
        assertTrue(!entryUpdated.isAfter(updated), site + ": an entry is newer than its feed");
      }
      assertEquals(key.equals(site), entries.getLength() == 0, site);
    }
  }

  private static String textOf(Document doc, String tag) {
    StringBuilder all = new StringBuilder();
    var nodes = doc.getElementsByTagNameNS("*", tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      all.append(nodes.item(i).getTextContent()).append('\n');
    }
    return all.toString();
  }

  @Test
  void datasetsFollowDataGovTwMetadataAndExportCsvWithBom() {
    List<JsonObject> datasets =
        Api.json(Api.get("/api/v1/sites/transportation/datasets"))
            .getJsonArray("datasets")
            .getValuesAs(JsonObject.class);
    JsonObject news =
        datasets.stream()
            .filter(d -> d.getString("identifier").equals("transportation-news"))
            .findFirst()
            .orElseThrow();
    assertEquals("政府資料開放授權條款-第1版", news.getString("licence"));
    assertEquals("臺中市政府交通局", news.getString("provider"));
    for (String member :
        List.of(
            "name",
            "description",
            "fields",
            "contact",
            "updateFrequency",
            "keywords",
            "category")) {
      assertTrue(news.containsKey(member), member);
    }

    HttpResponse<byte[]> csv =
        Api.sendBytes(
            HttpRequest.newBuilder(
                    URI.create(Ports.BASE_URL + "/api/v1/sites/transportation/datasets/news.csv"))
                .GET());
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
    assertArrayEquals(
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv.body(), 3));
    String text = new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("識別碼,標題,摘要,發布時間,更新時間,網址,標籤\r\n"), text);
    assertTrue(text.contains(slug + ",公車路線調整,自下週一起生效,"), text);

    List<JsonObject> rows =
        Api.jsonArray(Api.get("/api/v1/sites/transportation/datasets/news.json"));
    assertTrue(
        rows.stream()
            .anyMatch(
                row -> row.getString("識別碼").equals(slug) && row.getString("標籤").equals("公車")));
    assertEquals(404, Api.get("/api/v1/sites/transportation/datasets/nothing.csv").statusCode());
  }

  @Test
  void aWebmasterChoosesWhichDatasetsTheSitePublishesAndDescribesThem() {
    String settings = "/api/v1/manage/sites/transportation";
    String[] webmaster = Api.bearer("transportation-webmaster");
    JsonObject before = Api.json(Api.get(settings, webmaster)).getJsonObject("openData");
    try {
      HttpResponse<String> unknown =
          Api.put(settings, "{\"openData\": {\"recipe\": {}}}", webmaster);
      assertEquals(400, unknown.statusCode(), unknown.body());
      assertTrue(unknown.body().contains("openData.recipe"), unknown.body());
      HttpResponse<String> frequency =
          Api.put(
              settings,
              "{\"openData\": {\"news\": {\"updateFrequency\": \"sometimes\"}}}",
              webmaster);
      assertEquals(400, frequency.statusCode(), frequency.body());
      assertTrue(frequency.body().contains("openData.news.updateFrequency"), frequency.body());
      assertEquals(
          before, Api.json(Api.get(settings, webmaster)).getJsonObject("openData"), "unchanged");

      HttpResponse<String> saved =
          Api.put(
              settings,
              "{\"openData\": {\"faq\": {\"published\": false}, \"news\": {\"description\":"
                  + " \"交通局新聞稿資料集\", \"updateFrequency\": \"每週更新\", \"contact\":"
                  + " \"交通局資訊室 04-22289111\"}}}",
              webmaster);
      assertEquals(200, saved.statusCode(), saved.body());
      List<JsonObject> datasets =
          Api.json(Api.get("/api/v1/sites/transportation/datasets"))
              .getJsonArray("datasets")
              .getValuesAs(JsonObject.class);
      List<String> ids = datasets.stream().map(d -> d.getString("identifier")).toList();
      assertFalse(ids.contains("transportation-faq"), ids.toString());
      // a plug-in's type the site does not enable is no dataset of it either
      assertFalse(ids.contains("transportation-notice"), ids.toString());
      JsonObject news =
          datasets.stream()
              .filter(d -> d.getString("identifier").equals("transportation-news"))
              .findFirst()
              .orElseThrow();
      assertEquals("交通局新聞稿資料集", news.getString("description"));
      assertEquals("每週更新", news.getString("updateFrequency"));
      assertEquals("交通局資訊室 04-22289111", news.getString("contact"));
      assertEquals(404, Api.get("/api/v1/sites/transportation/datasets/faq.csv").statusCode());
      assertEquals(200, Api.get("/api/v1/sites/transportation/datasets/news.csv").statusCode());
    } finally {
      Api.put(settings, "{\"openData\": " + before + "}", webmaster);
    }
  }
}
