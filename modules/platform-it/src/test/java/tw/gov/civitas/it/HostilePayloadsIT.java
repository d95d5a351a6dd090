package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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

/**
 * A corpus of hostile input: each gets the right 4xx or is stored sanitized, and nothing runs in a
 * browser.
 */
@ArquillianTest
@org.junit.jupiter.api.Order(
    Integer.MAX_VALUE - 1) // its rate-limit probe must not starve other classes' previews
class HostilePayloadsIT {

  private static final String SITE = "legal-affairs";
  private static final String MANAGE = "/api/v1/manage/sites/" + SITE;
  private static final String PUBLIC = "/api/v1/sites/" + SITE + "/content/";

  /**
   * Every payload would set window.__pwned, open an alert, or load something from elsewhere if it
   * ever ran. Most are ones a Content-Security-Policy does not stop on its own (links, form
   * actions, SVG links, CSS urls, attribute breaking); each fits the shortest text field (100).
   */
  private static final List<String> PAYLOADS =
      List.of(
          "<script>window.__pwned=1;alert(1)</script>",
          "<img src=x onerror=\"window.__pwned=1\">",
          "<a href=\"javascript:window.__pwned=1\">點我</a>",
          "<a href=\"data:text/html,<script>window.__pwned=1</script>\">資料</a>",
          "<a href=\"  JaVaScRiPt:window.__pwned=1\">大小寫</a>",
          "<a href=\"&#106;avascript:window.__pwned=1\">實體</a>",
          "<a href=\"java&#x09;script:window.__pwned=1\">定位字元</a>",
          "<a href=\"vbscript:window.__pwned=1\">vb</a>",
          "<a href=\"/sites/legal-affairs/\" onclick=\"window.__pwned=1\">首頁</a>",
          "<button formaction=\"javascript:window.__pwned=1\">按鈕</button>",
          "<form><input type=\"submit\" formaction=\"javascript:window.__pwned=1\" value=\"提交\"></form>",
          "<form action=\"javascript:window.__pwned=1\"><button>送出</button></form>",
          "<svg><a xlink:href=\"javascript:window.__pwned=1\"><text x=\"9\" y=\"9\">x</text></a></svg>",
          "<svg><script>window.__pwned=1</script></svg>",
          "<svg onload=\"window.__pwned=1\"></svg>",
          "<p style=\"background:url(https://evil.example/x)\">背景</p>",
          "<p style=\"background:url(javascript:window.__pwned=1)\">x</p>",
          "<img src=\"data:image/svg+xml,<svg onload=window.__pwned=1>\">",
          "<iframe src=\"javascript:window.__pwned=1\"></iframe>",
          "<object data=\"javascript:window.__pwned=1\"></object><embed src=\"x.svg\">",
          "<base href=\"javascript:window.__pwned=1//\">",
          "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.__pwned=1\">",
          "\" autofocus onfocus=\"window.__pwned=1\" x=\"",
          "' autofocus onfocus='window.__pwned=1' x='",
          "'><a href=javascript:window.__pwned=1>點</a>",
          "\"><script>window.__pwned=1</script>",
          "<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1>");

  /**
   * The items of the site every hostile request goes to: counted there, since demo content may be
   * written to other sites in the background meanwhile.
   */
  private static long itemsOfTheSite() {
    return Database.count(
        "select count(*) from content_item i join site s on s.id = i.site_id where s.site_key = '"
            + SITE
            + "'");
  }

  /**
   * Finds what a payload could have left in a piece of HTML: elements that run, embed or submit,
   * event handlers, inline style, and links or sources with a scheme that runs or smuggles content.
   * Runs in the browser on a parsed copy, so nothing in it runs; answers a list of findings.
   */
  private static final String FINDINGS =
      """
      const root = arguments[0] === null ? document.querySelector('article')
          : new DOMParser().parseFromString(arguments[0], 'text/html').documentElement; // a leading <script> goes to <head>
      const found = [];
      const banned = ['script', 'svg', 'math', 'form', 'iframe', 'frame', 'object', 'embed', 'base', 'meta',
          'style', 'link', 'button', 'input', 'textarea', 'select', 'template', 'noscript', 'applet'];
      for (const e of root.querySelectorAll('*')) {
        const tag = e.localName;
        if (banned.includes(tag) || e.namespaceURI !== 'http://www.w3.org/1999/xhtml') {
          found.push('element ' + tag);
        }
        for (const a of e.attributes) {
          const name = a.name.toLowerCase();
          const value = a.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
          if (name.startsWith('on') || ['style', 'formaction', 'action', 'autofocus', 'srcdoc', 'xlink:href',
              'background', 'poster', 'srcset'].includes(name)) {
            found.push(tag + ' @' + name);
          }
          if (/^(javascript|data|vbscript):/.test(value)) {
            found.push(tag + ' @' + name + '=' + a.value);
          }
        }
      }
      return found;
      """;

  private final String[] admin = Api.bearer("platform-admin");

  /** An item of a built-in type, every text field holding the payload. */
  private record Hostile(
      String type, String slug, String payload, List<String> plain, List<String> rich) {}

  @Test
  void scriptInEveryTextFieldIsStoredHarmlessAndNeverRunsInTheBrowser() {
    String document =
        Api.json(
                new Multipart()
                    .file("file", "hostile.pdf", "application/pdf", MediaIT.PDF)
                    .post(MANAGE + "/media", admin))
            .getString("id");
    List<Hostile> items = new ArrayList<>();
    for (int i = 0; i < PAYLOADS.size(); i++) {
      String payload = PAYLOADS.get(i);
      assertTrue(
          payload.length() <= 100, "payload " + i + " is longer than the shortest text field");
      String rich = "<p>前言</p>" + payload;
      String tag = i + "-" + UUID.randomUUID().toString().substring(0, 6);
      for (String type : List.of("news", "page", "event", "faq", "contact", "download", "link")) {
        JsonObjectBuilder fields = Json.createObjectBuilder().add("title", payload);
        List<String> plain = new ArrayList<>(List.of("title"));
        List<String> richFields = new ArrayList<>();
        if (!List.of("faq", "contact").contains(type)) {
          fields.add("summary", payload);
          plain.add("summary");
        }
        if (List.of("news", "page", "event", "faq").contains(type)) {
          fields.add("body", rich);
          richFields.add("body");
        }
        switch (type) {
          case "event" -> fields.add("startsAt", "2026-06-19T09:00:00+08:00").add("place", payload);
          case "faq" -> fields.add("category", payload);
          case "contact" -> fields.add("unit", payload).add("hours", payload);
          case "download" ->
              fields.add(
                  "attachments",
                  Json.createArrayBuilder()
                      .add(Json.createObjectBuilder().add("file", document).add("label", payload)));
          case "link" ->
              fields.add(
                  "url",
                  "https://civitas.example/?q="
                      + URLEncoder.encode(payload, StandardCharsets.UTF_8));
          default -> {}
        }
        plain.addAll(
            switch (type) {
              case "event" -> List.of("place");
              case "faq" -> List.of("category");
              case "contact" -> List.of("unit", "hours");
              default -> List.of();
            });
        String slug = "hostile-" + type + "-" + tag;
        HttpResponse<String> created =
            Api.post(
                MANAGE + "/content",
                Json.createObjectBuilder()
                    .add("type", type)
                    .add("slug", slug)
                    .add("fields", fields)
                    .build()
                    .toString(),
                admin);
        assertEquals(201, created.statusCode(), type + " " + payload + ": " + created.body());
        HttpResponse<String> published =
            Api.post(
                MANAGE + "/content/" + slug + "/transitions", "{\"action\":\"publish\"}", admin);
        assertEquals(200, published.statusCode(), slug + ": " + published.body());
        assertEquals("published", Api.json(published).getString("state"), published.body());
        assertEquals(slug, Api.json(published).getString("slug"));
        items.add(new Hostile(type, slug, payload, plain, richFields));
      }
    }

    WebDriver browser = Browser.fresh();
    JavascriptExecutor js = (JavascriptExecutor) browser;
    browser.get(Ports.BASE_URL + "/sites/" + SITE + "/");
    // The checker itself must see what it looks for, or every check below would pass by saying
    // nothing.
    List<?> seen =
        (List<?>)
            js.executeScript(
                FINDINGS,
                "<script>x</script><a href=\" JaVaScript:x\" onclick=\"x\">y</a>"
                    + "<p style=\"x\">z</p><svg><a xlink:href=\"javascript:x\"><text>x</text></a></svg>"
                    + "<button formaction=\"data:,x\">b</button><img src=\"x\" srcset=\"y\">");
    for (String finding :
        List.of(
            "element script",
            "a @href= JaVaScript:x",
            "a @onclick",
            "p @style",
            "element svg",
            "a @xlink:href",
            "element button",
            "button @formaction",
            "button @formaction=data:,x",
            "img @srcset")) {
      assertTrue(seen.contains(finding), finding + " not in " + seen);
    }
    List<String> failures = new ArrayList<>();
    int clicked = 0;
    for (Hostile item : items) {
      String where = item.slug() + " (" + item.payload() + ")";
      JsonObject managed =
          Api.json(Api.get(MANAGE + "/content/" + item.slug(), admin)).getJsonObject("fields");
      HttpResponse<String> delivery = Api.get(PUBLIC + item.slug());
      assertEquals(200, delivery.statusCode(), where + ": " + delivery.body());
      JsonObject delivered = Api.json(delivery).getJsonObject("fields");
      for (String field : item.plain()) {
        // Plain text is data: it comes back exactly as written, from both APIs.
        expect(
            failures,
            where + " manage " + field,
            item.payload(),
            managed.getJsonObject(field).getString("zh-TW"));
        expect(failures, where + " delivery " + field, item.payload(), delivered.getString(field));
      }
      if ("download".equals(item.type())) {
        expect(
            failures,
            where + " manage attachments[0].label",
            item.payload(),
            managed
                .getJsonArray("attachments")
                .getJsonObject(0)
                .getJsonObject("label")
                .getString("zh-TW"));
        expect(
            failures,
            where + " delivery attachments[0].label",
            item.payload(),
            delivered.getJsonArray("attachments").getJsonObject(0).getString("label"));
      }
      if ("link".equals(item.type())) {
        expect(
            failures,
            where + " delivery url",
            "https://civitas.example/?q="
                + URLEncoder.encode(item.payload(), StandardCharsets.UTF_8),
            delivered.getString("url"));
      }
      for (String field : item.rich()) {
        String stored = managed.getJsonObject(field).getString("zh-TW");
        expect(
            failures,
            where + " delivery " + field + " is the stored one",
            stored,
            delivered.getString(field));
        if (!stored.contains("前言")) {
          failures.add(where + " " + field + " lost its harmless part: " + stored);
        }
        List<?> left = (List<?>) js.executeScript(FINDINGS, stored);
        if (!left.isEmpty()) {
          failures.add(where + " stored " + field + " keeps " + left + ": " + stored);
        }
      }

      String page = Ports.BASE_URL + "/sites/" + SITE + "/" + item.slug();
      browser.get(page);
      assertNoScriptRan(browser, where);
      // The page shows plain text as text: one text node equal to the payload, no markup parsed
      // from it.
      expect(
          failures,
          where + " <h1>",
          item.payload(),
          (String)
              js.executeScript(
                      "const h = document.querySelector('article h1'); return h.children.length + ':' + h.textContent;")
                  .toString()
                  .replaceFirst("^0:", ""));
      if (item.plain().contains("summary")) {
        expect(
            failures,
            where + " .summary",
            item.payload(),
            (String)
                js.executeScript(
                        "const s = document.querySelector('article .summary');"
                            + " return s === null ? 'no summary' : s.children.length + ':' + s.textContent;")
                    .toString()
                    .replaceFirst("^0:", ""));
      }
      if (!browser.getTitle().startsWith(item.payload().strip().replaceAll("\\s+", " "))) {
        failures.add(where + " <title> is " + browser.getTitle());
      }
      List<?> onPage = (List<?>) js.executeScript(FINDINGS, (Object) null);
      if (!onPage.isEmpty()) {
        failures.add(where + " page keeps " + onPage);
      }
      // anywhere on the page, apart from the theme's own two: its deferred script file at the end
      // of the body and the site search form in the header
      Object outside =
          js.executeScript(
              "const theme = new Set([...document.querySelectorAll('body > script[src]')]"
                  + ".filter(s => /^\\/themes\\/[a-z0-9-]+\\/assets\\/[a-z0-9.-]+\\.js$/.test(s.getAttribute('src'))"
                  + " && s.textContent === '' && s.defer));"
                  + "document.querySelectorAll('header.site-header > .header-inner > .header-tools > form.site-search')"
                  + ".forEach(f => theme.add(f));"
                  + "return [...document.querySelectorAll('script, base, meta[http-equiv], iframe,"
                  + " object, embed, form, svg, [autofocus], [onfocus]')].filter(e => !theme.has(e)).length;");
      if (((Number) outside).intValue() != 0) {
        failures.add(where + " page has " + outside + " elements that run, embed or submit");
      }
      clicked += clickEverything(browser, page, where, failures);
    }
    assertEquals(List.of(), failures);
    // The harmless links the sanitizer keeps (one per type with a body) were clicked, so clicking
    // happened.
    assertTrue(clicked >= 4, "clicked only " + clicked);
  }

  /** Clicks each link and button of the content area in turn, on a freshly loaded page. */
  private static int clickEverything(
      WebDriver browser, String page, String where, List<String> failures) {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    String clickables =
        "article a, article button, article input[type=submit], article [formaction]";
    int count =
        ((Number)
                js.executeScript(
                    "return document.querySelectorAll(arguments[0]).length;", clickables))
            .intValue();
    for (int k = 0; k < count; k++) {
      if (k > 0) {
        browser.get(page);
      }
      // A CSP violation means a payload tried to run and only the policy stopped it: a hole all the
      // same.
      Object target =
          js.executeScript(
              "window.__violations = [];"
                  + " document.addEventListener('securitypolicyviolation', e => window.__violations.push("
                  + "e.violatedDirective + ' ' + e.blockedURI));"
                  + " const e = document.querySelectorAll(arguments[0])[arguments[1]];"
                  + " const what = e.outerHTML; e.click(); return what;",
              clickables,
              k);
      String clicked = where + " after clicking " + target;
      try {
        Thread.sleep(300); // a click's navigation starts after the script returns
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      assertNoScriptRan(browser, clicked);
      String url = browser.getCurrentUrl();
      if (url.startsWith("javascript:") || url.startsWith("data:")) {
        failures.add(clicked + ": navigated to " + url);
      } else if (url.startsWith(page)) {
        Object violations =
            js.executeScript(
                "return window.__violations === undefined ? [] : window.__violations;");
        if (!((List<?>) violations).isEmpty()) {
          failures.add(clicked + ": the CSP had to stop " + violations);
        }
      }
    }
    return count;
  }

  private static void assertNoScriptRan(WebDriver browser, String where) {
    try {
      String text = browser.switchTo().alert().getText();
      throw new AssertionError("an alert ran on " + where + ": " + text);
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
    Object pwned =
        ((JavascriptExecutor) browser)
            .executeScript("return window.__pwned === undefined ? null : 1;");
    assertEquals(null, pwned, "a payload ran on " + where);
  }

  private static void expect(List<String> failures, String what, String expected, String actual) {
    if (!expected.equals(actual)) {
      failures.add(what + ": expected " + expected + " but was " + actual);
    }
  }

  @Test
  void linkFieldsTakeOnlyWebMailAndPhoneLinksAndSitePaths() {
    long items = itemsOfTheSite();
    List<String> hostile =
        List.of(
            "javascript:window.__pwned=1",
            "JaVaScRiPt:window.__pwned=1",
            "  javascript:window.__pwned=1",
            "java\tscript:window.__pwned=1",
            "&#106;avascript:window.__pwned=1",
            "data:text/html,<script>window.__pwned=1</script>",
            "vbscript:window.__pwned=1",
            "file:///etc/passwd",
            "https://civitas.example/\" onmouseover=\"window.__pwned=1",
            "https://civitas.example/'><script>x</script>",
            "https://civitas.example/ x",
            "https://civitas.example/\nx",
            "https://",
            "//evil.example/x");
    for (String url : hostile) {
      String body =
          Json.createObjectBuilder()
              .add("type", "link")
              .add("slug", "bad-link-" + UUID.randomUUID().toString().substring(0, 8))
              .add("fields", Json.createObjectBuilder().add("title", "連結").add("url", url))
              .build()
              .toString();
      HttpResponse<String> r = Api.post(MANAGE + "/content", body, admin);
      assertEquals(400, r.statusCode(), url + ": " + r.body());
      assertEquals(
          "application/problem+json", r.headers().firstValue("Content-Type").orElseThrow(), url);
      List<String> fields =
          Api.json(r).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
              .map(e -> e.getString("field"))
              .toList();
      assertEquals(List.of("fields.url"), fields, url + ": " + r.body());
    }
    assertEquals(items, itemsOfTheSite());

    for (String url :
        List.of(
            "https://www.taichung.gov.tw/?q=%E5%B8%82%E6%94%BF&a=1#top",
            "http://example.org",
            "mailto:service@taichung.gov.tw",
            "tel:+886-4-2228-9111",
            "/sites/" + SITE + "/",
            "opendata/list.csv")) {
      String slug = "good-link-" + UUID.randomUUID().toString().substring(0, 8);
      String body =
          Json.createObjectBuilder()
              .add("type", "link")
              .add("slug", slug)
              .add("fields", Json.createObjectBuilder().add("title", "連結").add("url", url))
              .build()
              .toString();
      HttpResponse<String> r = Api.post(MANAGE + "/content", body, admin);
      assertEquals(201, r.statusCode(), url + ": " + r.body());
      assertEquals(
          200,
          Api.post(MANAGE + "/content/" + slug + "/transitions", "{\"action\":\"publish\"}", admin)
              .statusCode());
      assertEquals(url, Api.json(Api.get(PUBLIC + slug)).getJsonObject("fields").getString("url"));
    }
  }

  @Test
  void sqlMetaCharactersInEveryQueryParameterAreHarmless() {
    long items = itemsOfTheSite();
    List<String> hostile =
        List.of(
            "' or '1'='1",
            "1; drop table content_item; --",
            "\\\" ) --",
            "%' union select *--",
            "${jndi:ldap://x}",
            "../../etc/passwd",
            "\u0000");
    List<String> failures = new ArrayList<>();
    for (String value : hostile) {
      String v = URLEncoder.encode(value, StandardCharsets.UTF_8);
      for (String path :
          List.of(
              "/api/v1/sites/" + SITE + "/content?type=" + v,
              "/api/v1/sites/" + SITE + "/content?tag=" + v,
              "/api/v1/sites/" + SITE + "/content?q=" + v,
              "/api/v1/sites/" + SITE + "/content?sort=" + v,
              "/api/v1/sites/" + SITE + "/content?page=" + v,
              "/api/v1/sites/" + SITE + "/content?from=" + v,
              "/api/v1/content?site=" + v,
              "/api/v1/content?q=" + v + "&type=" + v,
              "/api/v1/sites/" + v + "/content",
              "/api/v1/sites/" + SITE + "/content/" + v + "?lang=" + v,
              "/sites/" + SITE + "/" + v,
              "/media/" + SITE + "/" + v + "/original",
              "/themes/civic/assets/" + v)) {
        HttpResponse<String> r = Api.get(path);
        if (r.statusCode() >= 500
            || r.statusCode() != 200 && r.statusCode() != 400 && r.statusCode() != 404) {
          failures.add(path + " -> " + r.statusCode());
        } else if (r.statusCode() != 200 && r.body().contains("Exception")) {
          failures.add(path + " leaks an exception");
        }
      }
    }
    assertEquals(List.of(), failures);
    assertEquals(items, itemsOfTheSite());
  }

  @Test
  void pathTraversalInUploadNamesIsNeutralised() {
    HttpResponse<String> r =
        new Multipart()
            .file(
                "file", "../../../../etc/passwd/..%2f..%2fboot.ini", "application/pdf", MediaIT.PDF)
            .post(MANAGE + "/media", admin);
    assertEquals(201, r.statusCode(), r.body());
    String name = Api.json(r).getString("fileName");
    assertFalse(name.contains("/") || name.contains("\\") || name.contains(".."), name);
    assertTrue(name.endsWith(".pdf"));
  }

  @Test
  void hugeAndBrokenBodiesAreRefusedWithoutStoringAnything() {
    long items = itemsOfTheSite();
    StringBuilder big =
        new StringBuilder("{\"type\":\"news\",\"slug\":\"big\",\"fields\":{\"title\":\"");
    big.append("長".repeat(10 * 1024 * 1024 / 3)).append("\"}}");
    HttpResponse<String> tooBig = Api.post(MANAGE + "/content", big.toString(), admin);
    assertEquals(413, tooBig.statusCode());
    assertEquals(
        "application/problem+json", tooBig.headers().firstValue("Content-Type").orElseThrow());

    byte[] invalidUtf8 =
        "{\"type\":\"news\",\"slug\":\"bad-utf8\",\"fields\":{\"title\":\"X\"}}"
            .getBytes(StandardCharsets.UTF_8);
    invalidUtf8[40] = (byte) 0xC3; // a lone lead byte inside the title
    HttpResponse<String> broken =
        Api.send(
            HttpRequest.newBuilder(URI.create(Ports.BASE_URL + MANAGE + "/content"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(invalidUtf8)),
            admin);
    assertEquals(400, broken.statusCode(), broken.body());
    assertEquals(
        "application/problem+json", broken.headers().firstValue("Content-Type").orElseThrow());

    HttpResponse<String> notJson = Api.post(MANAGE + "/content", "<xml/>", admin);
    assertEquals(400, notJson.statusCode());
    HttpResponse<String> array = Api.post(MANAGE + "/content", "[1,2,3]", admin);
    assertEquals(400, array.statusCode(), array.body());
    assertEquals(items, itemsOfTheSite());
  }

  @Test
  void errorsNeverShowStackTracesOrInternals() {
    for (HttpResponse<String> r :
        List.of(
            Api.get("/api/v1/sites/" + SITE + "/content/%00"),
            Api.post(MANAGE + "/content", "{\"fields\": 5}", admin),
            Api.get("/sites/no-such-site/x"),
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
