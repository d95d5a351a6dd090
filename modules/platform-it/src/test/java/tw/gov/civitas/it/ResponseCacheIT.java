package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Ports;

/**
 * The response cache: that a response really came from it ({@code X-Civitas-Cache}), that a change
 * committed while readers render is never outlived by what they store, that every dependency of a
 * page or list invalidates it, the caching policy browsers and CDNs get, and that http and https
 * are cached apart with the same security headers on hits as on misses. On a site of its own.
 */
@ArquillianTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponseCacheIT {

  private static final String SITE = "civil-affairs";
  private static final String MANAGE = "/api/v1/manage/sites/" + SITE;

  /** What the README promises when CIVITAS_CACHE_SHARED_MAX_AGE is not set. */
  private static final String POLICY = "public, max-age=0, must-revalidate";

  /** Four writes each, by one user: below the 300 writes a minute the rate limit allows. */
  private static final int RACE_ITERATIONS = 50;

  private static final int READERS = 6;

  private final String[] admin = Api.bearer("platform-admin");
  private final String run = UUID.randomUUID().toString().substring(0, 6);

  private String slug(String name) {
    return name + "-" + run;
  }

  private void create(String type, String slug, String fields, String tags) {
    HttpResponse<String> c =
        Api.post(
            MANAGE + "/content",
            """
        {"type": "%s", "slug": "%s", "tags": %s, "fields": %s}"""
                .formatted(type, slug, tags, fields),
            admin);
    assertEquals(201, c.statusCode(), c.body());
  }

  private void transition(String slug, String action) {
    HttpResponse<String> r =
        Api.post(
            MANAGE + "/content/" + slug + "/transitions", "{\"action\":\"" + action + "\"}", admin);
    assertEquals(200, r.statusCode(), r.body());
  }

  private void update(String slug, String fields, String tags) {
    HttpResponse<String> r =
        Api.put(
            MANAGE + "/content/" + slug,
            """
        {"fields": %s, "tags": %s}"""
                .formatted(fields, tags),
            admin);
    assertEquals(200, r.statusCode(), r.body());
  }

  private static String cacheStatus(HttpResponse<?> r) {
    return r.headers().firstValue("X-Civitas-Cache").orElse("(none)");
  }

  /**
   * Asks twice: the second answer must come from the cache, the same bytes with the same headers.
   */
  private static HttpResponse<String> hit(String path, String... headers) {
    HttpResponse<String> first = Api.get(path, headers);
    assertEquals(200, first.statusCode(), path + ": " + first.body());
    HttpResponse<String> second = Api.get(path, headers);
    assertEquals(200, second.statusCode(), path);
    assertEquals("hit", cacheStatus(second), path);
    assertEquals(first.body(), second.body(), path);
    for (String h :
        List.of(
            "Content-Type",
            "ETag",
            "Cache-Control",
            "Content-Security-Policy",
            "X-Content-Type-Options",
            "Referrer-Policy")) {
      assertEquals(first.headers().firstValue(h), second.headers().firstValue(h), path + " " + h);
    }
    return second;
  }

  @Test
  void everyPublicResponseIsServedFromTheCacheWithThePublishedPolicy() {
    String news = slug("policy");
    create("news", news, "{\"title\": \"戶政事務所延長服務時間\"}", "[\"戶政\"]");
    transition(news, "publish");
    for (String path :
        List.of(
            "/api/v1/sites/" + SITE + "/content/" + news,
            "/api/v1/sites/" + SITE + "/content?type=news",
            "/api/v1/content?site=" + SITE + "&tag=戶政".replace("戶政", "%E6%88%B6%E6%94%BF"),
            "/api/v1/sites/" + SITE,
            "/sites/" + SITE + "/" + news,
            "/sites/" + SITE + "/",
            "/sites/" + SITE + "/feed.rss",
            "/sites/" + SITE + "/sitemap.xml",
            "/api/v1/sites/" + SITE + "/datasets/news.csv")) {
      HttpResponse<String> r = hit(path);
      assertEquals(POLICY, r.headers().firstValue("Cache-Control").orElse(null), path);
      String etag =
          r.headers()
              .firstValue("ETag")
              .orElseThrow(() -> new AssertionError(path + " has no ETag"));
      HttpResponse<String> revalidated = Api.get(path, "If-None-Match", etag);
      assertEquals(304, revalidated.statusCode(), path);
      assertEquals("hit", cacheStatus(revalidated), path);
    }
    assertTrue(
        Api.get("/api/v1/sites/" + SITE + "/datasets/news.csv")
            .headers()
            .firstValue("Content-Disposition")
            .orElse("")
            .contains(SITE + "-news.csv"),
        "a hit is still a download");

    // a miss says so, carries the same policy, and answers a reader's current copy with 304 too
    HttpResponse<String> page = Api.get("/sites/" + SITE + "/" + news + "?fresh=" + run);
    assertEquals("miss", cacheStatus(page));
    assertEquals(POLICY, page.headers().firstValue("Cache-Control").orElse(null));
    assertEquals(
        304,
        Api.get(
                "/sites/" + SITE + "/" + news + "?again=" + run,
                "If-None-Match",
                page.headers().firstValue("ETag").orElseThrow())
            .statusCode());

    // the policy holds for what is not found, so that a CDN does not keep a 404 longer than a page
    HttpResponse<String> missing = Api.get("/api/v1/sites/" + SITE + "/content/nothing-" + run);
    assertEquals(404, missing.statusCode());
    assertEquals(POLICY, missing.headers().firstValue("Cache-Control").orElse(null));
    // signed-in readers are never answered from the cache
    assertEquals(
        "(none)", cacheStatus(Api.get("/api/v1/sites/" + SITE + "/content/" + news, admin)));
  }

  @Test
  void aPageShowsItsParentsCurrentTitle() {
    String parent = slug("services");
    String child = slug("passports");
    create("page", parent, "{\"title\": \"為民服務\"}", "[]");
    transition(parent, "publish");
    create("page", child, "{\"title\": \"護照申辦\", \"parent\": \"" + parent + "\"}", "[]");
    transition(child, "publish");
    assertTrue(hit("/sites/" + SITE + "/" + child).body().contains("為民服務"));

    update(parent, "{\"title\": \"便民服務專區\"}", "[]");
    transition(parent, "publish");
    String page = Api.get("/sites/" + SITE + "/" + child).body();
    assertTrue(page.contains("便民服務專區"), page);
    assertFalse(page.contains("為民服務"), page);

    transition(parent, "unpublish");
    assertFalse(
        Api.get("/sites/" + SITE + "/" + child).body().contains("便民服務專區"),
        "no link to an unpublished parent");
  }

  @Test
  void aListFilteredByATagForgetsAnItemThatLeftIt() {
    String item = slug("retagged");
    String fields = "{\"title\": \"里長聯繫會報\"}";
    String before = "before" + run;
    String after = "after" + run;
    create("news", item, fields, "[\"" + before + "\"]");
    transition(item, "publish");
    String byBefore = "/api/v1/sites/" + SITE + "/content?tag=" + before;
    String byAfter = "/api/v1/sites/" + SITE + "/content?tag=" + after;
    String crossSite = "/api/v1/content?tag=" + before;
    assertEquals(List.of(item), slugs(hit(byBefore)));
    assertEquals(List.of(), slugs(hit(byAfter)));
    assertEquals(List.of(item), slugs(hit(crossSite)));

    // tags are not revisioned: saving them changes the public item at once
    update(item, fields, "[\"" + after + "\"]");
    assertEquals(List.of(), slugs(Api.get(byBefore)));
    assertEquals(List.of(), slugs(Api.get(crossSite)));
    assertEquals(List.of(item), slugs(Api.get(byAfter)));
    assertEquals(
        List.of(after),
        Api.json(Api.get("/api/v1/sites/" + SITE + "/content/" + item))
            .getJsonArray("tags")
            .getValuesAs(jakarta.json.JsonString.class)
            .stream()
            .map(jakarta.json.JsonString::getString)
            .toList());
  }

  @Test
  void aMenuDropsAnItemWhenItIsUnpublished() {
    String item = slug("menu-item");
    create("page", item, "{\"title\": \"交通資訊\"}", "[]");
    transition(item, "publish");
    HttpResponse<String> put =
        Api.put(
            MANAGE + "/menus/footer-" + run,
            """
        {"entries": [{"label": "交通", "item": "%s"}]}"""
                .formatted(item),
            admin);
    assertEquals(200, put.statusCode(), put.body());
    String menu = "/api/v1/sites/" + SITE + "/menus/footer-" + run;
    assertEquals(1, Api.json(hit(menu)).getJsonArray("entries").size());
    transition(item, "unpublish");
    assertEquals(0, Api.json(Api.get(menu)).getJsonArray("entries").size());
  }

  private List<String> slugs(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r).getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(i -> i.getString("slug"))
        .filter(s -> s.endsWith(run))
        .toList();
  }

  // --- publish and unpublish racing readers ---

  /**
   * What a reader must see: the title, or nothing (404) when {@code title} is null; only while
   * stable.
   */
  private record Expectation(long generation, boolean stable, String title) {}

  @Test
  void aChangeCommittedWhileReadersRenderIsNeverOutlivedByTheCache() throws Exception {
    String item = slug("race");
    String json = "/api/v1/sites/" + SITE + "/content/" + item;
    String html = "/sites/" + SITE + "/" + item;
    create("news", item, "{\"title\": \"race-0\"}", "[\"race" + run + "\"]");
    transition(item, "publish");
    List<String> paths = List.of(json, html, "/api/v1/sites/" + SITE + "/content?tag=race" + run);
    AtomicLong generation = new AtomicLong();
    Expectation[] expected = {new Expectation(generation.get(), true, "race-0")};
    List<String> violations = new CopyOnWriteArrayList<>();
    AtomicInteger checked = new AtomicInteger();
    AtomicInteger hits = new AtomicInteger();
    ExecutorService readers = Executors.newFixedThreadPool(READERS);
    List<Future<?>> running = new ArrayList<>();
    for (int r = 0; r < READERS; r++) {
      int offset = r;
      running.add(
          readers.submit(
              () -> {
                for (int n = offset; !Thread.currentThread().isInterrupted(); n++) {
                  String path = paths.get(n % paths.size());
                  Expectation before;
                  synchronized (expected) {
                    before = expected[0];
                  }
                  HttpResponse<String> response = Api.get(path);
                  Expectation after;
                  synchronized (expected) {
                    after = expected[0];
                  }
                  if (before.stable() && before.generation() == after.generation()) {
                    checked.incrementAndGet();
                    if ("hit".equals(cacheStatus(response))) {
                      hits.incrementAndGet();
                    }
                    String wrong = wrong(path, response, before.title(), item);
                    if (wrong != null) {
                      violations.add(wrong);
                    }
                  }
                }
              }));
    }
    try {
      for (int i = 1; i <= RACE_ITERATIONS; i++) {
        String title = "race-" + i;
        // a new revision, public only once republished over the old one while readers render the
        // old one
        settle(
            expected,
            generation,
            "race-" + (i - 1),
            () -> update(item, "{\"title\": \"" + title + "\"}", "[\"race" + run + "\"]"));
        settle(expected, generation, title, () -> transition(item, "publish"));
        checkNow(paths, title, item, violations);
        settle(expected, generation, null, () -> transition(item, "unpublish"));
        checkNow(paths, null, item, violations);
        settle(expected, generation, title, () -> transition(item, "publish"));
        checkNow(paths, title, item, violations);
        assertTrue(
            violations.isEmpty(),
            "after " + i + " iterations: " + violations.subList(0, Math.min(5, violations.size())));
      }
    } finally {
      readers.shutdownNow();
      readers.awaitTermination(30, TimeUnit.SECONDS);
    }
    for (Future<?> f : running) {
      assertTrue(f.isDone());
    }
    System.out.printf(
        "ResponseCacheIT race: %d iterations, %d readers, %d responses checked while stable, %d of them hits%n",
        RACE_ITERATIONS, READERS, checked.get(), hits.get());
    assertTrue(violations.isEmpty(), String.valueOf(violations));
    assertTrue(hits.get() > 0, "the readers were answered from the cache at least sometimes");
  }

  /**
   * Marks the state unstable while {@code change} runs, then stable with what readers must see from
   * then on: {@code title}, or nothing when it is null.
   */
  private static void settle(
      Expectation[] expected, AtomicLong generation, String title, Runnable change)
      throws InterruptedException {
    synchronized (expected) {
      expected[0] = new Expectation(generation.incrementAndGet(), false, null);
    }
    change.run();
    synchronized (expected) {
      expected[0] = new Expectation(generation.incrementAndGet(), true, title);
    }
    Thread.sleep(15); // let the readers meet the settled state
  }

  private static void checkNow(
      List<String> paths, String title, String item, List<String> violations) {
    for (String path : paths) {
      for (int k = 0; k < 2; k++) {
        String wrong = wrong(path, Api.get(path), title, item);
        if (wrong != null) {
          violations.add(wrong);
        }
      }
    }
  }

  /** Why the response is not what a reader must see after the last change settled, or null. */
  private static String wrong(String path, HttpResponse<String> r, String title, String item) {
    boolean list = path.contains("?tag=");
    if (title == null) {
      boolean gone =
          list ? r.statusCode() == 200 && !r.body().contains(item) : r.statusCode() == 404;
      return gone
          ? null
          : path
              + " still showed the unpublished item ("
              + r.statusCode()
              + ", "
              + cacheStatus(r)
              + ")";
    }
    boolean shown =
        r.statusCode() == 200 && r.body().contains("\"" + title + "\"")
            || r.statusCode() == 200 && r.body().contains(">" + title + "<");
    return shown
        ? null
        : path + " did not show " + title + " (" + r.statusCode() + ", " + cacheStatus(r) + ")";
  }

  // --- http and https ---

  private static final String LISTENER = "civitas-it-https";
  private ModelControllerClient management;
  private int httpsPort;

  /** An https listener on the test server, so that the same Host is asked over http and https. */
  @BeforeAll
  void openHttps() throws Exception {
    management = ModelControllerClient.Factory.create("remote+http", "localhost", Ports.MANAGEMENT);
    ModelNode add =
        Operations.createAddOperation(
            Operations.createAddress(
                "subsystem", "undertow", "server", "default-server", "https-listener", LISTENER));
    add.get("socket-binding").set("https");
    add.get("ssl-context").set("applicationSSC");
    ModelNode result = management.execute(add);
    assertTrue(Operations.isSuccessfulOutcome(result), result.toString());
    ModelNode port =
        management.execute(
            Operations.createReadAttributeOperation(
                Operations.createAddress(
                    "socket-binding-group", "standard-sockets", "socket-binding", "https"),
                "bound-port"));
    assertTrue(Operations.isSuccessfulOutcome(port), port.toString());
    httpsPort = Operations.readResult(port).asInt();
  }

  /**
   * The listener stays open for the rest of the run: removing one puts the server in
   * "reload-required", which the readiness check (PlatformEndpointsIT) rightly reports as DOWN.
   */
  @AfterAll
  void closeHttps() throws Exception {
    if (management != null) {
      management.close();
    }
  }

  @Test
  void httpAndHttpsAreCachedApartAndHitsCarryHsts() throws Exception {
    String host = "portal-" + run + ".example.gov.tw";
    String sitemap = "/sites/" + SITE + "/sitemap.xml";
    HttpClient https = trustingClient();
    String item = slug("mapped");
    create("page", item, "{\"title\": \"網站導覽\"}", "[]");
    transition(item, "publish");
    HttpResponse<String> overHttp = hit(sitemap, "Host", host);
    assertTrue(overHttp.body().contains("<loc>http://" + host), overHttp.body());
    assertTrue(
        overHttp.headers().firstValue("Strict-Transport-Security").isEmpty(), "no HSTS over http");

    List<HttpResponse<String>> overHttps = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      overHttps.add(
          https.send(
              HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + sitemap))
                  .header("Host", host)
                  .timeout(Duration.ofSeconds(30))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }
    for (HttpResponse<String> r : overHttps) {
      assertEquals(200, r.statusCode());
      assertTrue(r.body().contains("<loc>https://" + host), r.body());
      assertFalse(r.body().contains("http://" + host), "no http link over https");
      assertEquals(
          "max-age=31536000; includeSubDomains",
          r.headers().firstValue("Strict-Transport-Security").orElse(null),
          cacheStatus(r));
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
    }
    assertEquals("hit", cacheStatus(overHttps.get(1)));
    assertEquals(
        "hit", cacheStatus(Api.get(sitemap, "Host", host)), "the http entry is still there");
  }

  /** The test server's certificate is self-signed. */
  private static HttpClient trustingClient() throws Exception {
    X509ExtendedTrustManager trustAll =
        new X509ExtendedTrustManager() {
          @Override
          public void checkClientTrusted(
              X509Certificate[] chain, String authType, java.net.Socket s) {}

          @Override
          public void checkServerTrusted(
              X509Certificate[] chain, String authType, java.net.Socket s) {}

          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine e) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine e) {}

          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, new TrustManager[] {trustAll}, new SecureRandom());
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .sslContext(tls)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }
}
