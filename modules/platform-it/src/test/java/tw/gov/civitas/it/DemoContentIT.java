package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Eventually;
import tw.gov.civitas.it.support.Ports;

/**
 * The demo content that the server writes after start-up (arquillian.xml asks for it on finance and
 * beitun-district only), as a visitor and the delivery API see it.
 */
@ArquillianTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoContentIT {

  /** Per type: the set every bureau or district gets, plus finance's two topical news items. */
  private static final Map<String, Map<String, Integer>> EXPECTED =
      Map.of(
          "finance",
          Map.of(
              "news", 10,
              "announcement", 3,
              "event", 3,
              "faq", 6,
              "download", 2,
              "contact", 1,
              "link", 2,
              "page", 3),
          "beitun-district",
          Map.of(
              "news", 8,
              "announcement", 3,
              "event", 3,
              "faq", 6,
              "download", 2,
              "contact", 1,
              "link", 2,
              "page", 3));

  @BeforeAll
  void waitForTheSeeding() {
    for (String site : EXPECTED.keySet()) {
      // one transaction per site: the first demo item listed means all of them are there
      Eventually.until(
          site + " has demo content",
          Duration.ofMinutes(3),
          () -> total("/api/v1/sites/" + site + "/content?tag=demo") > 0);
    }
  }

  @Test
  void everySiteHasItsItemsOfEachKindTaggedDemo() {
    for (var site : EXPECTED.entrySet()) {
      for (var type : site.getValue().entrySet()) {
        String list =
            "/api/v1/sites/" + site.getKey() + "/content?tag=demo&size=100&type=" + type.getKey();
        assertEquals(type.getValue(), total(list), list);
      }
      assertEquals(
          site.getValue().values().stream().mapToInt(Integer::intValue).sum(),
          total("/api/v1/sites/" + site.getKey() + "/content?tag=demo&size=100"),
          site.getKey() + ": all demo items");
    }
    // the other demo sites stay empty for the other tests
    assertEquals(0, total("/api/v1/sites/transportation/content?tag=demo"));
    assertEquals(0, total("/api/v1/sites/xitun-district/content?tag=demo"));
  }

  @Test
  void itemsAreInChineseAndEnglish() {
    for (String site : EXPECTED.keySet()) {
      for (JsonObject item : items("/api/v1/sites/" + site + "/content?tag=demo&size=100")) {
        String self = item.getJsonObject("links").getString("self");
        JsonObject zh = Api.json(Api.get(self));
        JsonObject en = Api.json(Api.get(self + "?lang=en"));
        assertTrue(zh.getJsonArray("translations").toString().contains("\"en\""), self);
        assertTrue(zh.getJsonArray("tags").toString().contains("\"demo\""), self);
        assertEquals("en", en.getString("lang"));
        String zhTitle = zh.getJsonObject("fields").getString("title");
        String enTitle = en.getJsonObject("fields").getString("title");
        assertNotEquals(zhTitle, enTitle, self);
        assertTrue(zhTitle.codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff), self);
        assertFalse(enTitle.codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff), self);
        assertFalse(zh.toString().contains("{agency}"), self);
      }
    }
    JsonObject contact = items("/api/v1/sites/beitun-district/content?type=contact&lang=en").get(0);
    assertEquals(
        "Contact the Beitun District Office", contact.getJsonObject("fields").getString("title"));
    assertEquals("04-2228-9111", contact.getJsonObject("fields").getString("phone"));
  }

  @Test
  void bannersHavePictures() {
    for (String site : EXPECTED.keySet()) {
      List<JsonObject> banners = items("/api/v1/sites/" + site + "/content?tag=banner");
      assertEquals(3, banners.size(), site);
      for (JsonObject banner : banners) {
        String id = banner.getJsonObject("fields").getString("image");
        HttpResponse<byte[]> image =
            Api.sendBytes(
                HttpRequest.newBuilder(
                    URI.create(Ports.BASE_URL + "/media/" + site + "/" + id + "/original")));
        assertEquals(200, image.statusCode(), id);
        assertEquals("image/png", image.headers().firstValue("Content-Type").orElse(""));
        assertTrue(image.body().length > 1000, "a real picture");
      }
    }
  }

  @Test
  void downloadsAreOpenDocumentFiles() {
    for (String site : EXPECTED.keySet()) {
      for (JsonObject d : items("/api/v1/sites/" + site + "/content?type=download")) {
        var attachments = d.getJsonObject("fields").getJsonArray("attachments");
        assertEquals(1, attachments.size());
        String id = attachments.getJsonObject(0).getString("file");
        HttpResponse<byte[]> file =
            Api.sendBytes(
                HttpRequest.newBuilder(
                    URI.create(Ports.BASE_URL + "/media/" + site + "/" + id + "/original")));
        assertEquals(200, file.statusCode(), id);
        assertTrue(
            file.headers()
                .firstValue("Content-Type")
                .orElse("")
                .startsWith("application/vnd.oasis.opendocument."),
            file.headers().toString());
      }
    }
  }

  @Test
  void eventsAreComingAndSomeAnnouncementsStillValid() {
    OffsetDateTime now = OffsetDateTime.now();
    for (String site : EXPECTED.keySet()) {
      for (JsonObject e : items("/api/v1/sites/" + site + "/content?type=event")) {
        JsonObject f = e.getJsonObject("fields");
        OffsetDateTime starts = OffsetDateTime.parse(f.getString("startsAt"));
        assertTrue(starts.isAfter(now) && starts.isBefore(now.plusDays(35)), starts.toString());
        assertTrue(OffsetDateTime.parse(f.getString("endsAt")).isAfter(starts));
        assertFalse(f.getString("place").isBlank());
        assertTrue(f.getJsonObject("location").getJsonNumber("lat").doubleValue() > 23.9);
      }
      LocalDate today = LocalDate.now(ZoneId.of("Asia/Taipei"));
      long valid =
          items("/api/v1/sites/" + site + "/content?type=announcement").stream()
              .filter(a -> a.getJsonObject("fields").containsKey("validUntil"))
              .filter(
                  a ->
                      LocalDate.parse(a.getJsonObject("fields").getString("validUntil"))
                          .isAfter(today))
              .count();
      assertEquals(3, valid, site);
      long categories =
          items("/api/v1/sites/" + site + "/content?type=faq").stream()
              .map(q -> q.getJsonObject("fields").getString("category"))
              .distinct()
              .count();
      assertTrue(categories >= 2, site + ": FAQs in " + categories + " categories");
    }
  }

  @Test
  void anItemHasItsPublicPage() {
    for (String site : EXPECTED.keySet()) {
      JsonObject news = items("/api/v1/sites/" + site + "/content?type=news&tag=demo").get(0);
      HttpResponse<String> page = Api.get("/sites/" + site + "/" + news.getString("slug"));
      assertEquals(200, page.statusCode(), page.body());
      assertTrue(page.body().contains("示範資料"), "the text says it is demonstration data");
      HttpResponse<String> en =
          Api.get("/sites/" + site + "/" + news.getString("slug") + "?lang=en");
      assertEquals(200, en.statusCode());
      assertTrue(en.body().contains("demonstration content"));
    }
  }

  private static int total(String list) {
    HttpResponse<String> r = Api.get(list);
    assertEquals(200, r.statusCode(), list + ": " + r.body());
    return Api.json(r).getInt("total");
  }

  private static List<JsonObject> items(String list) {
    HttpResponse<String> r = Api.get(list);
    assertEquals(200, r.statusCode(), list + ": " + r.body());
    return Api.json(r).getJsonArray("items").getValuesAs(JsonObject.class);
  }

  @Test
  void eachDemoSiteHasAReleaseScheduledThatShowsWhatItWillPublish() {
    for (String site : EXPECTED.keySet()) {
      var releases =
          Api.json(
                  Api.get(
                      "/api/v1/manage/sites/" + site + "/releases", Api.bearer("platform-admin")))
              .getJsonArray("items")
              .getValuesAs(JsonObject.class);
      JsonObject demo =
          releases.stream()
              .filter(r -> r.getString("name").startsWith("（示範）"))
              .findFirst()
              .orElseThrow(() -> new AssertionError(site + ": no demo release in " + releases));
      assertEquals("scheduled", demo.getString("state"));
      assertEquals("[\"demo-holiday-notice\"]", demo.getJsonArray("items").toString());
      // not public before its time
      assertEquals(
          404, Api.get("/api/v1/sites/" + site + "/content/demo-holiday-notice").statusCode());
    }
  }
}
