package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Browser;
import tw.gov.civitas.it.support.Database;
import tw.gov.civitas.it.support.Multipart;
import tw.gov.civitas.it.support.Ports;

/** A corpus of hostile input: each gets the right 4xx or is stored sanitized, and nothing runs in a browser. */
@ArquillianTest
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 1) // its rate-limit probe must not starve other classes' previews
class HostilePayloadsIT {

  private static final String SITE = "legal-affairs";
  private static final String MANAGE = "/api/v1/manage/sites/" + SITE;
  /** Every payload would set window.__pwned, or open an alert, if it ever ran. */
  private static final List<String> SCRIPTS = List.of(
      "<script>window.__pwned=1;alert(1)</script>",
      "<img src=x onerror=\"window.__pwned=1\">",
      "<a href=\"javascript:window.__pwned=1\">點我</a>",
      "<svg><script>window.__pwned=1</script></svg>",
      "<svg onload=\"window.__pwned=1\"></svg>",
      "<iframe src=\"javascript:window.__pwned=1\"></iframe>",
      "<p style=\"background:url(javascript:window.__pwned=1)\">x</p>",
      "\"><script>window.__pwned=1</script>",
      "<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1>",
      "<form action=\"javascript:window.__pwned=1\"><button>送出</button></form>");

  private final String[] admin = Api.bearer("platform-admin");

  @Test
  void scriptInEveryTextFieldIsStoredHarmlessAndNeverRunsInTheBrowser() {
    List<String> slugs = new ArrayList<>();
    for (int i = 0; i < SCRIPTS.size(); i++) {
      String slug = "hostile-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
      String payload = SCRIPTS.get(i);
      String body = Json.createObjectBuilder().add("type", "news").add("slug", slug)
          .add("fields", Json.createObjectBuilder().add("title", payload).add("summary", payload).add("body",
              "<p>前言</p>" + payload)).build().toString();
      HttpResponse<String> r = Api.post(MANAGE + "/content", body, admin);
      assertEquals(201, r.statusCode(), r.body());
      String storedBody = Api.json(r).getJsonObject("fields").getJsonObject("body").getString("zh-TW");
      for (String bad : List.of("<script", "onerror", "onload", "javascript:", "<iframe", "<svg", "style=", "<form")) {
        assertFalse(storedBody.toLowerCase().contains(bad), "stored " + storedBody);
      }
      Api.post(MANAGE + "/content/" + slug + "/transitions", "{\"action\":\"publish\"}", admin);
      slugs.add(slug);
    }
    WebDriver browser = Browser.fresh();
    for (String slug : slugs) {
      browser.get(Ports.BASE_URL + "/sites/" + SITE + "/" + slug);
      try {
        String text = browser.switchTo().alert().getText();
        throw new AssertionError("an alert ran on " + slug + ": " + text);
      } catch (NoAlertPresentException expected) {
        // nothing ran
      }
      Object pwned = ((JavascriptExecutor) browser).executeScript("return window.__pwned === undefined ? null : 1;");
      assertEquals(null, pwned, "a payload ran on " + slug);
    }
  }

  @Test
  void sqlMetaCharactersInEveryQueryParameterAreHarmless() {
    long items = Database.count("select count(*) from content_item");
    List<String> hostile = List.of("' or '1'='1", "1; drop table content_item; --", "\\\" ) --", "%' union select *--",
        "${jndi:ldap://x}", "../../etc/passwd", "\u0000");
    List<String> failures = new ArrayList<>();
    for (String value : hostile) {
      String v = URLEncoder.encode(value, StandardCharsets.UTF_8);
      for (String path : List.of("/api/v1/sites/" + SITE + "/content?type=" + v, "/api/v1/sites/" + SITE + "/content?tag=" + v,
          "/api/v1/sites/" + SITE + "/content?q=" + v, "/api/v1/sites/" + SITE + "/content?sort=" + v,
          "/api/v1/sites/" + SITE + "/content?page=" + v, "/api/v1/sites/" + SITE + "/content?from=" + v,
          "/api/v1/content?site=" + v, "/api/v1/content?q=" + v + "&type=" + v, "/api/v1/sites/" + v + "/content",
          "/api/v1/sites/" + SITE + "/content/" + v + "?lang=" + v, "/sites/" + SITE + "/" + v,
          "/media/" + SITE + "/" + v + "/original", "/themes/civic/assets/" + v)) {
        HttpResponse<String> r = Api.get(path);
        if (r.statusCode() >= 500 || r.statusCode() != 200 && r.statusCode() != 400 && r.statusCode() != 404) {
          failures.add(path + " -> " + r.statusCode());
        } else if (r.statusCode() != 200 && r.body().contains("Exception")) {
          failures.add(path + " leaks an exception");
        }
      }
    }
    assertEquals(List.of(), failures);
    assertEquals(items, Database.count("select count(*) from content_item"));
  }

  @Test
  void pathTraversalInUploadNamesIsNeutralised() {
    HttpResponse<String> r = new Multipart().file("file", "../../../../etc/passwd/..%2f..%2fboot.ini", "application/pdf",
        MediaIT.PDF).post(MANAGE + "/media", admin);
    assertEquals(201, r.statusCode(), r.body());
    String name = Api.json(r).getString("fileName");
    assertFalse(name.contains("/") || name.contains("\\") || name.contains(".."), name);
    assertTrue(name.endsWith(".pdf"));
  }

  @Test
  void hugeAndBrokenBodiesAreRefusedWithoutStoringAnything() {
    long items = Database.count("select count(*) from content_item");
    StringBuilder big = new StringBuilder("{\"type\":\"news\",\"slug\":\"big\",\"fields\":{\"title\":\"");
    big.append("長".repeat(10 * 1024 * 1024 / 3)).append("\"}}");
    HttpResponse<String> tooBig = Api.post(MANAGE + "/content", big.toString(), admin);
    assertEquals(413, tooBig.statusCode());
    assertEquals("application/problem+json", tooBig.headers().firstValue("Content-Type").orElseThrow());

    byte[] invalidUtf8 = "{\"type\":\"news\",\"slug\":\"bad-utf8\",\"fields\":{\"title\":\"X\"}}".getBytes(StandardCharsets.UTF_8);
    invalidUtf8[40] = (byte) 0xC3; // a lone lead byte inside the title
    HttpResponse<String> broken = Api.send(HttpRequest.newBuilder(URI.create(Ports.BASE_URL + MANAGE + "/content"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(invalidUtf8)), admin);
    assertEquals(400, broken.statusCode(), broken.body());
    assertEquals("application/problem+json", broken.headers().firstValue("Content-Type").orElseThrow());

    HttpResponse<String> notJson = Api.post(MANAGE + "/content", "<xml/>", admin);
    assertEquals(400, notJson.statusCode());
    HttpResponse<String> array = Api.post(MANAGE + "/content", "[1,2,3]", admin);
    assertEquals(400, array.statusCode(), array.body());
    assertEquals(items, Database.count("select count(*) from content_item"));
  }

  @Test
  void errorsNeverShowStackTracesOrInternals() {
    for (HttpResponse<String> r : List.of(Api.get("/api/v1/sites/" + SITE + "/content/%00"),
        Api.post(MANAGE + "/content", "{\"fields\": 5}", admin), Api.get("/sites/no-such-site/x"),
        Api.get("/api/v1/nothing-here"))) {
      assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.statusCode() + " " + r.body());
      for (String leak : List.of("Exception", "at org.", "at java.", "hibernate", "SQL", "jboss")) {
        assertFalse(r.body().contains(leak), "leaks '" + leak + "': " + r.body());
      }
    }
  }

  @Test
  void tooManyPreviewGuessesGet429WithRetryAfter() {
    int limited = 0;
    String retryAfter = null;
    for (int i = 0; i < 40 && limited == 0; i++) {
      HttpResponse<String> r = Api.get("/preview/guess-" + i + ".AAAA");
      if (r.statusCode() == 429) {
        limited++;
        retryAfter = r.headers().firstValue("Retry-After").orElse(null);
      } else {
        assertEquals(404, r.statusCode());
      }
    }
    assertEquals(1, limited, "no 429 within 40 guesses");
    assertTrue(retryAfter != null && Integer.parseInt(retryAfter) > 0);
  }
}
