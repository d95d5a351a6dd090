package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Database;

/**
 * Writes under contention and under database faults: every answer is a success, a conflict (409) or
 * "try again" (503 with Retry-After), never a 500; nothing is lost silently and nothing
 * half-written. Each test writes as its own user, so the per-user write limit (300 a minute) stays
 * out of the way.
 */
@ArquillianTest
class ConcurrencyAndFaultsIT {

  record Answer(String title, int status, String body, HttpResponse<String> response) {}

  static String slug(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static String item(String title) {
    return "{\"fields\": {\"title\": \"" + title + "\", \"body\": \"<p>內文</p>\"}}";
  }

  /** Runs all requests at once (released together by a latch) and waits for every answer. */
  static List<Answer> simultaneously(int n, java.util.function.IntFunction<Answer> request) {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<CompletableFuture<Answer>> answers = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int k = i;
        answers.add(
            CompletableFuture.supplyAsync(
                () -> {
                  await(start);
                  return request.apply(k);
                },
                pool));
      }
      start.countDown();
      return answers.stream().map(CompletableFuture::join).toList();
    } finally {
      pool.shutdownNow();
    }
  }

  static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Map<Integer, Integer> histogram(List<Answer> answers) {
    Map<Integer, Integer> counts = new TreeMap<>();
    answers.forEach(a -> counts.merge(a.status(), 1, Integer::sum));
    return counts;
  }

  static void assertNamesTheCurrentRevision(Answer conflict, int atLeast, int atMost) {
    assertEquals(
        "application/problem+json",
        conflict.response().headers().firstValue("Content-Type").orElse(""));
    JsonObject problem = Api.json(conflict.response());
    assertEquals(409, problem.getInt("status"));
    int current = problem.getInt("currentRevision");
    assertTrue(
        current >= atLeast && current <= atMost,
        "currentRevision " + current + " in " + conflict.body());
    assertTrue(
        problem.getString("detail").contains("revision " + current), problem.getString("detail"));
  }

  @Test
  void fiftySimultaneousUpdatesOfOneItemAreEachSavedOrRefusedAsAConflict() {
    String[] webmaster = Api.bearer("xitun-webmaster");
    String base = "/api/v1/manage/sites/xitun-district/content/";
    String slug = slug("contended");
    assertEquals(
        201,
        Api.post(
                "/api/v1/manage/sites/xitun-district/content",
                "{\"type\": \"news\", \"slug\": \""
                    + slug
                    + "\", \"fields\": {\"title\": \"原稿\", \"body\": \"<p>內文</p>\"}}",
                webmaster)
            .statusCode());

    List<Answer> answers =
        simultaneously(
            50,
            i -> {
              String title = "同時修改 " + i;
              HttpResponse<String> r = Api.put(base + slug, item(title), webmaster);
              return new Answer(title, r.statusCode(), r.body(), r);
            });
    Map<Integer, Integer> counts = histogram(answers);
    int saved = counts.getOrDefault(200, 0);
    int conflicts = counts.getOrDefault(409, 0);
    System.out.println("50 simultaneous updates: " + counts);
    assertEquals(50, saved + conflicts, "only 200 or 409: " + counts);
    assertTrue(saved >= 1, "at least one update wins: " + counts);

    // No update lost silently: each 200 is exactly one revision, in order, holding what it sent.
    JsonObject current = Api.json(Api.get(base + slug, webmaster));
    assertEquals(1 + saved, current.getInt("revision"));
    assertEquals(
        1 + saved,
        Database.count(
            "select count(*) from content_revision r join content_item i"
                + " on i.id = r.item_id where i.slug = ?",
            slug));
    Set<String> savedTitles = new java.util.HashSet<>();
    answers.stream().filter(a -> a.status() == 200).forEach(a -> savedTitles.add(a.title()));
    for (String title : savedTitles) {
      assertEquals(
          1,
          Database.count(
              "select count(*) from content_revision r join content_item i on i.id = r.item_id"
                  + " where i.slug = ? and r.fields->'title'->>'zh-TW' = ?",
              slug,
              title),
          title);
    }
    assertTrue(
        savedTitles.contains(
            current.getJsonObject("fields").getJsonObject("title").getString("zh-TW")),
        "the final state is one of the successful writes");
    for (Answer conflict : answers.stream().filter(a -> a.status() == 409).toList()) {
      assertNamesTheCurrentRevision(conflict, 2, 1 + saved);
    }

    // With If-Match, the caller says which revision it edited: exactly one of ten such writes can
    // win.
    int seen = current.getInt("revision");
    assertEquals(
        "\"" + seen + "\"",
        Api.get(base + slug, webmaster).headers().firstValue("ETag").orElse(""));
    List<Answer> conditional =
        simultaneously(
            10,
            i -> {
              String title = "依版本修改 " + i;
              HttpResponse<String> r =
                  Api.put(
                      base + slug,
                      item(title),
                      "If-Match",
                      "\"" + seen + "\"",
                      webmaster[0],
                      webmaster[1]);
              return new Answer(title, r.statusCode(), r.body(), r);
            });
    assertEquals(Map.of(200, 1, 409, 9), histogram(conditional));
    for (Answer conflict : conditional.stream().filter(a -> a.status() == 409).toList()) {
      assertNamesTheCurrentRevision(conflict, seen + 1, seen + 1);
    }
    HttpResponse<String> stale =
        Api.put(
            base + slug, item("過時的修改"), "If-Match", "\"" + seen + "\"", webmaster[0], webmaster[1]);
    assertEquals(409, stale.statusCode(), stale.body());
    assertEquals(seen + 1, Api.json(stale).getInt("currentRevision"));
    assertEquals(seen + 1, Api.json(Api.get(base + slug, webmaster)).getInt("revision"));
  }

  /** One write of the fault test and its answer. */
  record Write(String slug, String action, String title, HttpResponse<String> response) {}

  private static final int WRITERS = 6;

  /**
   * Creates per writer; with the updates at most 240 writes, under the per-user limit of 300 a
   * minute.
   */
  private static final int CREATES = 20;

  @Test
  void terminatedDatabaseConnectionsAnswer503AndNoWriteIsHalfStored() throws Exception {
    String[] editor = Api.bearer("transportation-editor");
    String base = "/api/v1/manage/sites/transportation/content";
    String run = "fault-" + UUID.randomUUID().toString().substring(0, 8);
    ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
    java.util.concurrent.atomic.AtomicBoolean writing =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
    int kills;
    try {
      // What an operator's pg_terminate_backend (or a failover) does to every connection of the
      // server.
      CompletableFuture<Integer> killer =
          CompletableFuture.supplyAsync(
              () -> {
                int n = 0;
                while (writing.get()) {
                  Database.execute(
                      "select pg_terminate_backend(pid) from pg_stat_activity where datname = 'civitas'"
                          + " and usename = current_user and pid <> pg_backend_pid()");
                  n++;
                  sleep(250);
                }
                return n;
              },
              pool);
      List<CompletableFuture<Void>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; i < CREATES; i++) {
                    String slug = run + "-" + writer + "-" + i;
                    String title = "建立 " + slug;
                    HttpResponse<String> created =
                        Api.post(
                            base,
                            "{\"type\": \"news\", \"slug\": \""
                                + slug
                                + "\", \"fields\": {\"title\": \""
                                + title
                                + "\", \"body\": \"<p>內文</p>\"}}",
                            editor);
                    writes.add(new Write(slug, "content.create", title, created));
                    if (created.statusCode() == 201) {
                      HttpResponse<String> updated =
                          Api.put(base + "/" + slug, item("更新 " + slug), editor);
                      writes.add(new Write(slug, "content.update", "更新 " + slug, updated));
                    }
                  }
                },
                pool));
      }
      CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
      writing.set(false);
      kills = killer.get(1, TimeUnit.MINUTES);
    } finally {
      writing.set(false);
      pool.shutdownNow();
    }

    Map<Integer, Integer> counts = new TreeMap<>();
    writes.forEach(w -> counts.merge(w.response().statusCode(), 1, Integer::sum));
    System.out.println(
        writes.size() + " writes under " + kills + " rounds of pg_terminate_backend: " + counts);
    assertTrue(
        Set.of(200, 201, 409, 503).containsAll(counts.keySet()), "only 2xx, 409 or 503: " + counts);
    assertTrue(
        counts.getOrDefault(503, 0) > 0,
        "the terminated connections reached some requests: " + counts);
    assertTrue(counts.getOrDefault(201, 0) > 0, "writes succeeded between the faults: " + counts);

    for (Write w : writes) {
      int status = w.response().statusCode();
      String where = w.action() + " " + w.slug() + " answered " + status;
      if (status == 503) {
        assertTrue(
            w.response().headers().firstValue("Retry-After").map(Integer::parseInt).orElse(0) > 0,
            where);
        assertEquals(
            "application/problem+json",
            w.response().headers().firstValue("Content-Type").orElse(""),
            where);
      }
      // The change and its audit event are stored together or not at all.
      long stored =
          w.action().equals("content.create")
              ? Database.count(
                  "select count(*) from content_item i join content_revision r on r.item_id = i.id"
                      + " and r.number = 1 where i.slug = ? and r.fields->'title'->>'zh-TW' = ?",
                  w.slug(),
                  w.title())
              : Database.count(
                  "select count(*) from content_revision r join content_item i on i.id = r.item_id"
                      + " where i.slug = ? and r.fields->'title'->>'zh-TW' = ?",
                  w.slug(),
                  w.title());
      long audited =
          Database.count(
              "select count(*) from audit_event where entity_id = ? and action = ?",
              w.slug(),
              w.action());
      assertEquals(stored, audited, where + ": stored " + stored + ", audited " + audited);
      if (status / 100 == 2) {
        assertEquals(1, stored, where);
      } else {
        assertTrue(stored <= 1, where);
      }
    }
    // Every item's revision counter matches the revisions it has: no half-made revision anywhere.
    assertEquals(
        0,
        Database.count(
            "select count(*) from content_item i where i.slug like ? and i.current_revision"
                + " <> (select count(*) from content_revision r where r.item_id = i.id)",
            run + "-%"));
    // Once the faults stop, writes succeed again.
    String after = run + "-after";
    assertEquals(
        201,
        Api.post(
                base,
                "{\"type\": \"news\", \"slug\": \""
                    + after
                    + "\", \"fields\": {\"title\": \"恢復\", \"body\": \"<p>內文</p>\"}}",
                editor)
            .statusCode());
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
