package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Database;
import tw.gov.civitas.it.support.Eventually;

/**
 * Runs last. Every write of the run has its own audit event, matched on what was written (site,
 * action, entity, actor), not merely "something happened on that site at that time"; and every
 * change the database holds, whoever made it (the API, the seeder, the scheduler, later the
 * editor), has the event that explains it.
 */
@ArquillianTest
@Order(Integer.MAX_VALUE)
class AuditCompletenessIT {

  private static final String SCHEDULER = "system:scheduler";
  private static final String SITES = "/api/v1/manage/sites/([^/]+)";

  /** One audit event as stored. */
  record Event(
      long id,
      Instant at,
      String actor,
      String site,
      String action,
      String entityType,
      String entityId,
      String revision) {}

  /** What a write must have left behind. */
  record Expected(String site, String action, String entityType, String entityId) {}

  /**
   * A management write operation and the events it owes, from its path, request and response: one
   * for most, one per item moved for a bulk step.
   */
  record Route(
      String method, Pattern path, BiFunction<Matcher, Api.Write, List<Expected>> expected) {
    static Route of(String method, String path, BiFunction<Matcher, Api.Write, Expected> expected) {
      return new Route(method, Pattern.compile(path), (m, w) -> List.of(expected.apply(m, w)));
    }

    static Route many(
        String method, String path, BiFunction<Matcher, Api.Write, List<Expected>> expected) {
      return new Route(method, Pattern.compile(path), expected);
    }
  }

  // Kept here rather than read from the server: a write that records the wrong action fails.
  private static final List<Route> ROUTES =
      List.of(
          Route.of(
              "POST",
              "/api/v1/manage/search-index",
              (m, w) -> new Expected(null, "search-index.rebuild", "search-index", "content")),
          Route.of(
              "POST",
              "/api/v1/manage/sites",
              (m, w) -> new Expected(request(w, "key"), "site.create", "site", request(w, "key"))),
          Route.of(
              "PUT",
              SITES,
              (m, w) -> new Expected(m.group(1), "site.configure", "site", m.group(1))),
          Route.of(
              "PUT",
              SITES + "/menus/([^/]+)",
              (m, w) -> new Expected(m.group(1), "menu.replace", "menu", m.group(2))),
          Route.of(
              "POST",
              SITES + "/content",
              (m, w) ->
                  new Expected(m.group(1), "content.create", "content-item", response(w, "slug"))),
          Route.of(
              "PUT",
              SITES + "/content/([^/]+)",
              (m, w) -> new Expected(m.group(1), "content.update", "content-item", m.group(2))),
          Route.of(
              "DELETE",
              SITES + "/content/([^/]+)",
              (m, w) -> new Expected(m.group(1), "content.delete", "content-item", m.group(2))),
          Route.of(
              "POST",
              SITES + "/content/([^/]+)/transitions",
              (m, w) ->
                  new Expected(
                      m.group(1), "content." + request(w, "action"), "content-item", m.group(2))),
          // a bulk step: the step's event for each item the response says was moved, none for the
          // items it refused
          Route.many(
              "POST",
              SITES + "/content/transitions",
              (m, w) ->
                  json(w.responseBody())
                      .getJsonArray("results")
                      .getValuesAs(JsonObject.class)
                      .stream()
                      .filter(r -> r.getInt("status") == 200)
                      .map(
                          r ->
                              new Expected(
                                  m.group(1),
                                  "content." + request(w, "action"),
                                  "content-item",
                                  r.getString("slug")))
                      .toList()),
          Route.of(
              "POST",
              SITES + "/content/([^/]+)/revisions/\\d+/restore",
              (m, w) -> new Expected(m.group(1), "content.restore", "content-item", m.group(2))),
          Route.of(
              "POST",
              SITES + "/content/([^/]+)/preview",
              (m, w) ->
                  new Expected(m.group(1), "content.preview-link", "content-item", m.group(2))),
          Route.of(
              "POST",
              SITES + "/webhooks",
              (m, w) -> new Expected(m.group(1), "webhook.register", "webhook", response(w, "id"))),
          Route.of(
              "DELETE",
              SITES + "/webhooks/(\\d+)",
              (m, w) -> new Expected(m.group(1), "webhook.delete", "webhook", m.group(2))),
          Route.of(
              "POST",
              SITES + "/media",
              (m, w) -> new Expected(m.group(1), "media.upload", "media", response(w, "id"))),
          Route.of(
              "PUT",
              SITES + "/media/([^/]+)",
              (m, w) -> new Expected(m.group(1), "media.replace", "media", m.group(2))),
          Route.of(
              "DELETE",
              SITES + "/media/([^/]+)",
              (m, w) -> new Expected(m.group(1), "media.delete", "media", m.group(2))),
          Route.of(
              "POST",
              SITES + "/releases",
              (m, w) -> new Expected(m.group(1), "release.create", "release", response(w, "id"))),
          Route.of(
              "POST",
              SITES + "/releases/(\\d+)/cancel",
              (m, w) -> new Expected(m.group(1), "release.cancel", "release", m.group(2))),
          Route.of(
              "POST",
              "/api/v1/manage/clock",
              (m, w) -> new Expected(null, "platform.clock-advance", "clock", "platform")),
          // the test plug-in's write (modules/fixture-plugin), audited through the SPI
          Route.of(
              "POST",
              SITES + "/fixture/notes",
              (m, w) ->
                  new Expected(
                      m.group(1), "fixture.note.create", "fixture-note", response(w, "id"))),
          // its pictures go to the site's media library through the SPI: the library's own event
          Route.of(
              "POST",
              SITES + "/fixture/pictures",
              (m, w) -> new Expected(m.group(1), "media.upload", "media", response(w, "id"))),
          // the venue booking module's writes (modules/venue-booking), audited through the SPI
          Route.of(
              "POST",
              SITES + "/booking/venues",
              (m, w) ->
                  new Expected(
                      m.group(1), "booking.venue.create", "booking-venue", response(w, "id"))),
          Route.of(
              "PUT",
              SITES + "/booking/venues/(\\d+)",
              (m, w) ->
                  new Expected(m.group(1), "booking.venue.update", "booking-venue", m.group(2))),
          Route.of(
              "DELETE",
              SITES + "/booking/venues/(\\d+)",
              (m, w) ->
                  new Expected(m.group(1), "booking.venue.delete", "booking-venue", m.group(2))),
          Route.of(
              "POST",
              SITES + "/booking/venues/\\d+/blackouts",
              (m, w) ->
                  new Expected(
                      m.group(1),
                      "booking.blackout.create",
                      "booking-blackout",
                      response(w, "id"))),
          Route.of(
              "DELETE",
              SITES + "/booking/venues/\\d+/blackouts/(\\d+)",
              (m, w) ->
                  new Expected(
                      m.group(1), "booking.blackout.delete", "booking-blackout", m.group(2))),
          Route.of(
              "POST",
              SITES + "/booking/bookings/([^/]+)/decision",
              (m, w) ->
                  new Expected(
                      m.group(1),
                      "booking.booking." + response(w, "state").replace('_', '-'),
                      "booking",
                      m.group(2))),
          Route.of(
              "POST",
              SITES + "/booking/bookings/([^/]+)/cancel",
              (m, w) -> new Expected(m.group(1), "booking.booking.cancel", "booking", m.group(2))));

  @Test
  void everyWriteOfTheRunHasItsOwnEvent() {
    List<Api.Write> writes = new ArrayList<>(Api.WRITES);
    assertTrue(writes.size() > 50, "the other tests made only " + writes.size() + " writes");
    writes.sort(Comparator.comparing(Api.Write::started));
    List<Event> unclaimed = new ArrayList<>(events("true"));
    List<String> failures = new ArrayList<>();
    for (Api.Write w : writes) {
      List<Expected> owed = expected(w);
      if (owed == null) {
        failures.add(
            "no audit expectation for "
                + w.method()
                + " "
                + w.path()
                + ": add its route to this test");
        continue;
      }
      // Same clock (one machine): the event was written while the request was being served.
      Instant from = w.started().minusMillis(500);
      Instant to = w.finished().plusMillis(500);
      for (Expected expected : owed) {
        Event own =
            unclaimed.stream()
                .filter(
                    e ->
                        Objects.equals(e.site(), expected.site())
                            && e.action().equals(expected.action())
                            && e.entityType().equals(expected.entityType())
                            && Objects.equals(e.entityId(), expected.entityId())
                            && e.actor().equals(w.actor())
                            && !e.at().isBefore(from)
                            && !e.at().isAfter(to))
                .findFirst()
                .orElse(null);
        if (own == null) {
          failures.add(
              w.method()
                  + " "
                  + w.path()
                  + " by "
                  + w.actor()
                  + " at "
                  + w.started()
                  + ": no "
                  + expected);
        } else {
          unclaimed.remove(own);
        }
      }
    }
    assertEquals(List.of(), failures, failures.size() + " of " + writes.size() + " writes");
  }

  /**
   * From the other side: each stored revision, publication, upload, webhook, release, menu and site
   * has the event of the write that made it, by the author the row names. This covers writers that
   * are not the API (the demo seeder, the scheduler and releases, the editor).
   */
  @Test
  void everyStoredChangeHasTheEventThatMadeIt() {
    List<String> failures = new ArrayList<>();
    check(
        failures,
        "revision",
        """
        select s.site_key, i.slug, r.author, r.number::text, r.created_at from content_revision r
        join content_item i on i.id = r.item_id join site s on s.id = i.site_id""",
        "entity_type = 'content-item' and action in ('content.create', 'content.update', 'content.restore')",
        true);
    check(
        failures,
        "publication",
        """
        select s.site_key, i.slug, null, i.published_revision::text, i.published_at from content_item i
        join site s on s.id = i.site_id where i.state = 'PUBLISHED'""",
        "entity_type = 'content-item' and action in ('content.publish', 'content.scheduled-publish')",
        true);
    check(
        failures,
        "upload",
        """
        select s.site_key, m.id, m.created_by, null, m.created_at from media m join site s on s.id = m.site_id""",
        "entity_type = 'media' and action = 'media.upload'",
        false);
    check(
        failures,
        "webhook",
        """
        select s.site_key, w.id::text, w.created_by, null, w.created_at from webhook w join site s on s.id = w.site_id""",
        "entity_type = 'webhook' and action = 'webhook.register'",
        false);
    check(
        failures,
        "release",
        """
        select s.site_key, r.id::text, r.created_by, null, r.created_at from content_release r
        join site s on s.id = r.site_id""",
        "entity_type = 'release' and action = 'release.create'",
        false);
    check(
        failures,
        "released release",
        """
        select s.site_key, r.id::text, 'system:scheduler', null, r.released_at from content_release r
        join site s on s.id = r.site_id where r.state = 'RELEASED'""",
        "entity_type = 'release' and action = 'release.released'",
        false);
    check(
        failures,
        "menu",
        """
        select s.site_key, m.menu_key, m.updated_by, null, m.updated_at from menu m join site s on s.id = m.site_id""",
        "entity_type = 'menu' and action = 'menu.replace'",
        false);
    check(
        failures,
        "site",
        "select s.site_key, s.site_key, null, null, s.created_at from site s",
        "entity_type = 'site' and action = 'site.create'",
        false);
    assertEquals(List.of(), failures);
  }

  /**
   * The scheduler's writes are its own, each one recorded once, with the revision it made public.
   */
  @Test
  void theSchedulerRecordsEachOfItsWritesAsItself() {
    String slug = ContentLifecycleIT.slug("audit-timed");
    HttpResponse<String> created =
        ContentLifecycleIT.create(
            slug,
            "稽核排程",
            ", \"publishAt\": \""
                + ContentLifecycleIT.inSeconds(2)
                + "\", \"unpublishAt\": \""
                + ContentLifecycleIT.inSeconds(5)
                + "\"",
            Api.bearer("transportation-webmaster"));
    assertEquals(201, created.statusCode(), created.body());
    Eventually.until(
        "the scheduled unpublication",
        Duration.ofSeconds(30),
        () -> events("entity_id = '" + slug + "'").size() == 3);
    List<String> trail =
        events("entity_id = '" + slug + "'").stream()
            .map(e -> e.action() + " by " + e.actor() + " of " + e.revision())
            .toList();
    assertEquals(
        List.of(
            "content.create by transportation-webmaster of 1",
            "content.scheduled-publish by " + SCHEDULER + " of 1",
            "content.scheduled-unpublish by " + SCHEDULER + " of 1"),
        trail);
  }

  @Test
  void theAuditTrailCannotBeRewrittenEvenThroughTheDatabase() {
    for (String sql :
        List.of("update audit_event set actor = 'someone-else'", "delete from audit_event")) {
      try (var c =
              java.sql.DriverManager.getConnection(
                  tw.gov.civitas.it.support.TestServices.database().jdbcUrl("civitas"),
                  "civitas",
                  "civitas-dev");
          var s = c.createStatement()) {
        s.executeUpdate(sql);
        throw new AssertionError(sql + " was allowed");
      } catch (java.sql.SQLException expected) {
        assertTrue(expected.getMessage().contains("append-only"), expected.getMessage());
      }
    }
  }

  /**
   * Rows of (site, entity id, actor or null for any, revision or null, time) must each have an
   * event matching {@code condition} for that site and entity, by that actor, about that revision,
   * within a minute of the row's time (the scheduler's batch time and the event's clock may differ
   * a little).
   */
  private static void check(
      List<String> failures, String what, String rows, String condition, boolean revision) {
    long found = Database.count("select count(*) from (" + rows + ") r");
    assertTrue(
        what.equals("released release") || what.equals("webhook") || found > 0,
        "no " + what + " rows");
    // One query per kind of row: those without a matching event.
    for (List<String> row :
        Database.rows(
            "select r.* from ("
                + rows
                + ") as r(r_site, r_entity, r_actor, r_revision, r_at)"
                + " where not exists (select 1 from audit_event where "
                + condition
                + " and site_key = r.r_site and entity_id = r.r_entity and (r.r_actor is null or actor = r.r_actor)"
                + (revision ? " and after_state->>'revision' = r.r_revision" : "")
                + " and occurred_at between r.r_at - interval '1 minute' and r.r_at + interval '1 minute')")) {
      failures.add(what + " " + row + " has no event (" + condition + ")");
    }
  }

  private static List<Event> events(String where) {
    return Database.rows(
            "select id::text, (extract(epoch from occurred_at) * 1000)::bigint::text, actor, site_key,"
                + " action, entity_type, entity_id, after_state->>'revision' from audit_event where "
                + where
                + " order by id")
        .stream()
        .map(
            r ->
                new Event(
                    Long.parseLong(r.get(0)),
                    Instant.ofEpochMilli(Long.parseLong(r.get(1))),
                    r.get(2),
                    r.get(3),
                    r.get(4),
                    r.get(5),
                    r.get(6),
                    r.get(7)))
        .toList();
  }

  private static List<Expected> expected(Api.Write w) {
    // What the router matched: matrix parameters and doubled or trailing slashes do not change the
    // operation.
    String path =
        w.path().replaceAll(";[^/]*", "").replaceAll("/{2,}", "/").replaceAll("(.)/$", "$1");
    for (Route route : ROUTES) {
      Matcher m = route.path().matcher(path);
      if (route.method().equals(w.method()) && m.matches()) {
        return route.expected().apply(m, w);
      }
    }
    return null;
  }

  private static String request(Api.Write w, String name) {
    return json(w.requestBody()).getString(name, null);
  }

  private static String response(Api.Write w, String name) {
    JsonObject body = json(w.responseBody());
    return body.containsKey(name) ? body.get(name).toString().replaceAll("^\"|\"$", "") : null;
  }

  private static JsonObject json(String text) {
    if (text == null || text.isBlank()) {
      return JsonObject.EMPTY_JSON_OBJECT;
    }
    try (var r = Json.createReader(new StringReader(text))) {
      return r.readObject();
    }
  }
}
