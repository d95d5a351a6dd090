package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.HtmlChecker;
import tw.gov.civitas.it.support.Multipart;

/**
 * A site made from each site template through the API is complete and navigable: its menus lead to
 * pages that exist, its home page is composed of page modules showing its content, every page type
 * validates with the Nu HTML Checker, and its required pages, site map, sitemap and feeds are
 * there.
 */
@ArquillianTest
class SiteTemplatesIT {

  private static final String[] ADMIN = Api.bearer("platform-admin");

  /** The main menu a citizen sees on each template's new site, in Chinese and in English. */
  private static final Map<String, List<List<String>>> MENUS =
      Map.of(
          "bureau",
          List.of(
              List.of("最新消息", "公告", "活動", "便民服務", "關於我們", "聯絡我們"),
              List.of("News", "Announcements", "Events", "Services", "About us", "Contact us")),
          "district-office",
          List.of(
              List.of("最新消息", "公告", "活動", "便民服務", "關於我們", "聯絡我們"),
              List.of("News", "Announcements", "Events", "Services", "About us", "Contact us")),
          "event-portal",
          List.of(
              List.of("即時公告", "最新消息", "活動行程", "常見問答", "關於本專區"),
              List.of("Notices", "News", "Events", "FAQ", "About")));

  @Test
  void eachTemplateMakesACompleteNavigableSiteWhosePagesAllValidate() throws Exception {
    for (String template : List.of("bureau", "district-office", "event-portal")) {
      String site =
          "tpl-" + template.substring(0, 3) + "-" + UUID.randomUUID().toString().substring(0, 6);
      HttpResponse<String> created =
          Api.post(
              "/api/v1/manage/sites",
              "{\"key\": \"%s\", \"name\": {\"zh-TW\": \"範本測試站\", \"en\": \"Template test\"}, \"template\": \"%s\"}"
                  .formatted(site, template),
              ADMIN);
      assertEquals(201, created.statusCode(), created.body());
      Map<String, String> items = publishOneOfEachType(site);

      for (String lang : List.of("", "?lang=en")) {
        boolean en = !lang.isEmpty();
        Document home = page("/sites/" + site + "/" + lang, 200);
        // the template's menu, with submenus where it has them
        assertEquals(
            MENUS.get(template).get(en ? 1 : 0),
            home.select("#main-menu > li > a").eachText(),
            template + lang);
        // the page modules of the home page show the site's content
        String text = home.text();
        for (String title :
            en
                ? List.of("Typhoon Krathon: offices closed", "Road works on Taiwan Boulevard")
                : List.of("颱風山陀兒停止上班上課", "臺灣大道路面維修公告")) {
          assertTrue(text.contains(title), template + lang + ": home lacks " + title);
        }
        assertTrue(text.contains("04-2228-9111"), template + lang + ": no contact phone");
        assertFalse(home.select(".carousel img[alt]").isEmpty(), template + ": no banner");
        assertFalse(home.select(".site-footer .updated time[datetime]").isEmpty());
        assertTrue(home.select(".demo-notice").isEmpty(), "a new site holds no demo content");
        // Taiwan's accesskey anchors, the skip link first
        assertEquals("#C", home.select("body a[href]").first().attr("href"));
        for (String key : List.of("U", "C", "L", "Z")) {
          Element anchor = home.getElementById(key);
          assertTrue(anchor != null && ":::".equals(anchor.text()), template + ": no ::: " + key);
          assertEquals(key, anchor.attr("accesskey"));
        }

        // every link of the menus and the footer leads somewhere
        Set<String> links = new LinkedHashSet<>();
        for (Element a : home.select(".main-nav a[href], .site-footer a[href]")) {
          String href = a.attr("href");
          if (href.startsWith("/")) {
            links.add(href);
          }
        }
        for (String required : List.of("accessibility", "privacy", "open-data", "site-map")) {
          assertTrue(
              links.stream().anyMatch(l -> l.startsWith("/sites/" + site + "/" + required)),
              template + ": the footer lacks " + required);
        }
        List<String> pages = new ArrayList<>(links);
        // and every page type: lists, search, site map, one item of each type, errors
        pages.add("/sites/" + site + "/list/" + lang);
        for (String type : List.of("news", "announcement", "event", "faq", "download", "link")) {
          pages.add("/sites/" + site + "/list/" + type + lang);
        }
        items.values().forEach(slug -> pages.add("/sites/" + site + "/" + slug + lang));
        pages.add(
            "/sites/" + site + "/search?q=" + enc(en ? "typhoon" : "颱風") + (en ? "&lang=en" : ""));
        // every problem of every page at once: its status, else what the Nu checker finds
        List<String> problems = new ArrayList<>();
        for (String path : pages) {
          if (path.startsWith("/api/") || path.matches(".*\\.(rss|atom)(\\?.*)?")) {
            int status = Api.get(path).statusCode();
            if (status != 200) {
              problems.add(path + " answers " + status);
            }
            continue;
          }
          problems.addAll(problems(path, 200));
        }
        problems.addAll(problems("/sites/" + site + "/no-such-page" + lang, 404));
        problems.addAll(
            problems("/sites/" + site + "/list/news?from=yesterday" + (en ? "&lang=en" : ""), 400));
        assertEquals(List.of(), problems, template + lang);
      }

      // Chinese words find Chinese content
      Document found = page("/sites/" + site + "/search?q=" + enc("颱風"), 200);
      assertTrue(
          found.select(".search-results a").eachAttr("href").stream()
              .anyMatch(h -> h.contains(items.get("news"))),
          found.select(".search-results").text());

      // and so does the city-wide search, naming the site of each result
      Document city = page("/search?q=" + enc("颱風山陀兒"), 200);
      assertTrue(
          city.select(".search-results li").stream()
              .anyMatch(
                  li ->
                      li.select("a").attr("href").contains(items.get("news"))
                          && li.text().contains("範本測試站")),
          city.select(".search-results").text());

      // the event page shows when and where; the download its file type and size
      Document event = page("/sites/" + site + "/" + items.get("event"), 200);
      assertTrue(event.select(".item-details").text().contains("市政大樓"), event.text());
      assertEquals(2, event.select(".item-details time[datetime]").size());
      Document download = page("/sites/" + site + "/" + items.get("download"), 200);
      assertTrue(
          download.select(".attachments .file-meta").text().matches("\\(PDF, \\d+ B\\)"),
          download.select(".attachments").text());

      // the site map names the access keys and the site's pages
      Document map = page("/sites/" + site + "/site-map", 200);
      assertTrue(map.select(".accesskeys").text().contains("Alt+U"));
      assertTrue(map.select(".site-map a").eachText().contains("網站安全及隱私權政策"));

      // the sitemap has absolute addresses and hreflang alternates; the feeds carry the news
      String sitemap = Api.get("/sites/" + site + "/sitemap.xml").body();
      assertTrue(sitemap.contains("<loc>http"), sitemap);
      assertTrue(sitemap.contains("hreflang=\"en\""), sitemap);
      assertTrue(Api.get("/sites/" + site + "/feed.rss").body().contains("颱風山陀兒"));
      assertTrue(Api.get("/sites/" + site + "/feed.atom").body().contains("颱風山陀兒"));
    }
  }

  @Test
  void aSiteArrangesItsHomePageAndAnImpossibleLayoutIsRefusedField() {
    String site = "layout-" + UUID.randomUUID().toString().substring(0, 6);
    assertEquals(
        201,
        Api.post(
                "/api/v1/manage/sites",
                "{\"key\": \"%s\", \"name\": {\"zh-TW\": \"版面測試站\"}}".formatted(site),
                ADMIN)
            .statusCode());
    String settings = "/api/v1/manage/sites/" + site;
    HttpResponse<String> refused =
        Api.put(
            settings,
            "{\"pageLayouts\": {\"home\": {\"main\": [{\"module\": \"booking.venues\"}], \"footer\": []}}}",
            ADMIN);
    assertEquals(400, refused.statusCode(), refused.body());
    assertTrue(
        refused
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
    String problem = refused.body();
    assertTrue(problem.contains("pageLayouts.home.main[0].module"), problem);
    assertTrue(problem.contains("pageLayouts.home.footer"), problem);
    // nothing changed: the template's layout still shows
    assertFalse(page("/sites/" + site + "/", 200).select(".module-news-list").isEmpty());

    HttpResponse<String> arranged =
        Api.put(
            settings,
            "{\"pageLayouts\": {\"home\": {\"main\": [{\"module\": \"pages.faq-accordion\", \"settings\": {\"heading.zh-TW\": \"民眾最常問\", \"limit\": 3}}]}}}",
            ADMIN);
    assertEquals(200, arranged.statusCode(), arranged.body());
    JsonObject saved = Api.json(arranged).getJsonObject("pageLayouts");
    assertEquals(
        "3",
        saved
            .getJsonObject("home")
            .getJsonArray("main")
            .getJsonObject(0)
            .getJsonObject("settings")
            .getString("limit"));
    Document home = page("/sites/" + site + "/", 200);
    assertEquals(List.of("民眾最常問"), home.select(".region-main h2").eachText());
    assertTrue(home.select(".module-news-list, .carousel").isEmpty(), home.body().html());
  }

  /** Publishes an item of every built-in type; returns type → slug. */
  static Map<String, String> publishOneOfEachType(String site) throws Exception {
    String image =
        Api.json(
                new Multipart()
                    .file("file", "banner.png", "image/png", MediaIT.png(1200, 400))
                    .field("alt", "颱風防災宣導橫幅")
                    .field("altEn", "Typhoon preparedness banner")
                    .post("/api/v1/manage/sites/" + site + "/media", ADMIN))
            .getString("id");
    String pdf =
        Api.json(
                new Multipart()
                    .file("file", "申請書.pdf", "application/pdf", MediaIT.PDF)
                    .post("/api/v1/manage/sites/" + site + "/media", ADMIN))
            .getString("id");
    String soon = java.time.OffsetDateTime.now().plusDays(7).withNano(0).toString();
    String later = java.time.OffsetDateTime.now().plusDays(7).plusHours(3).withNano(0).toString();
    Map<String, String> fields =
        Map.of(
            "news",
            "\"tags\": [\"banner\"], \"fields\": {\"title\": {\"zh-TW\": \"颱風山陀兒停止上班上課\", \"en\": \"Typhoon Krathon: offices closed\"}, \"summary\": {\"zh-TW\": \"颱風來襲，明日停止上班上課。\", \"en\": \"Offices and schools close tomorrow.\"}, \"body\": \"<p>請注意安全。</p>\", \"image\": \"%s\"}"
                .formatted(image),
            "announcement",
            "\"fields\": {\"title\": {\"zh-TW\": \"臺灣大道路面維修公告\", \"en\": \"Road works on Taiwan Boulevard\"}, \"body\": \"<p>夜間施工。</p>\", \"validUntil\": \"2030-12-31\"}",
            "event",
            "\"fields\": {\"title\": {\"zh-TW\": \"防災園遊會\", \"en\": \"Disaster preparedness fair\"}, \"startsAt\": \"%s\", \"endsAt\": \"%s\", \"place\": {\"zh-TW\": \"市政大樓廣場\", \"en\": \"City Hall plaza\"}, \"location\": {\"lat\": 24.1618, \"lon\": 120.6469, \"address\": \"臺中市西屯區臺灣大道三段99號\"}}"
                .formatted(soon, later),
            "faq",
            "\"fields\": {\"title\": {\"zh-TW\": \"如何申請停車證？\", \"en\": \"How do I apply for a parking permit?\"}, \"body\": \"<p>請至服務台申請。</p>\", \"category\": \"停車\"}",
            "download",
            "\"fields\": {\"title\": {\"zh-TW\": \"停車證申請書\", \"en\": \"Parking permit form\"}, \"attachments\": [{\"file\": \"%s\", \"label\": {\"zh-TW\": \"申請書\", \"en\": \"Form\"}}]}"
                .formatted(pdf),
            "contact",
            "\"fields\": {\"title\": {\"zh-TW\": \"服務專線\", \"en\": \"Service line\"}, \"unit\": {\"zh-TW\": \"為民服務中心\", \"en\": \"Citizen service centre\"}, \"phone\": \"04-2228-9111\", \"email\": \"service@taichung.gov.tw\", \"hours\": {\"zh-TW\": \"週一至週五 08:00-17:00\", \"en\": \"Mon-Fri 08:00-17:00\"}, \"location\": {\"lat\": 24.1618, \"lon\": 120.6469, \"address\": \"臺中市西屯區臺灣大道三段99號\"}}",
            "link",
            "\"fields\": {\"title\": {\"zh-TW\": \"線上申辦\", \"en\": \"Apply online\"}, \"url\": \"https://www.taichung.gov.tw/\"}");
    Map<String, String> slugs = new java.util.HashMap<>();
    for (var e : fields.entrySet()) {
      String slug = e.getKey() + "-" + UUID.randomUUID().toString().substring(0, 6);
      HttpResponse<String> r =
          Api.post(
              "/api/v1/manage/sites/" + site + "/content",
              "{\"type\": \"%s\", \"slug\": \"%s\", %s}".formatted(e.getKey(), slug, e.getValue()),
              ADMIN);
      assertEquals(201, r.statusCode(), e.getKey() + ": " + r.body());
      HttpResponse<String> p =
          Api.post(
              "/api/v1/manage/sites/" + site + "/content/" + slug + "/transitions",
              "{\"action\": \"publish\"}",
              ADMIN);
      assertEquals(200, p.statusCode(), p.body());
      slugs.put(e.getKey(), slug);
    }
    return slugs;
  }

  /** What is wrong with a public page: another status, another type, or HTML errors. */
  static List<String> problems(String path, int status) {
    HttpResponse<String> r = Api.get(path);
    if (r.statusCode() != status) {
      return List.of(path + " answers " + r.statusCode() + " instead of " + status);
    }
    if (!r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
      return List.of(path + " is not HTML");
    }
    return HtmlChecker.errors(r.body()).stream().map(e -> path + ": " + e).toList();
  }

  /** A public page: its status, and no error of the Nu HTML Checker. */
  static Document page(String path, int status) {
    HttpResponse<String> r = Api.get(path);
    assertEquals(status, r.statusCode(), path);
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
    assertEquals(List.of(), HtmlChecker.errors(r.body()), path);
    return Jsoup.parse(r.body(), tw.gov.civitas.it.support.Ports.BASE_URL + path);
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
