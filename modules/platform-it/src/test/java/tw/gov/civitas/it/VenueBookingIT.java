package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Database;
import tw.gov.civitas.it.support.Eventually;
import tw.gov.civitas.it.support.HtmlChecker;
import tw.gov.civitas.it.support.Ports;
import tw.gov.civitas.it.support.TestServices;

/**
 * The venue booking module against the real server and PostgreSQL: no slot held twice however many
 * ask at once, the venue's rules, the booking's states, money, waitlist and blackouts, and who may
 * see and do what. On transportation (switched on here); "finance" never enables it.
 */
@ArquillianTest
class VenueBookingIT {

  private static final String SITE = Venues.SITE;
  private static final String OFF = "finance";
  private static final String[] ADMIN = Api.bearer("platform-admin");
  private static final String[] REVIEWER = Api.bearer("transportation-reviewer");
  private static final String[] EDITOR = Api.bearer("transportation-editor");

  @BeforeAll
  static void theModuleIsOnForTransportation() {
    Venues.enable();
  }

  private static String manage(String path) {
    return "/api/v1/manage/sites/" + SITE + "/booking" + path;
  }

  private static void assertProblem(int status, HttpResponse<String> r) {
    assertEquals(status, r.statusCode(), r.body());
    assertEquals(
        "application/problem+json", r.headers().firstValue("Content-Type").orElseThrow(), r.body());
    assertFalse(r.body().contains("Exception"), r.body());
  }

  @Test
  void twoHundredSimultaneousRequestsForOneSlotLeaveExactlyOneBooking() throws Exception {
    long venue = Venues.create(SITE, Venues.hourly("併發測試場地", "{}", true));
    String start = Venues.at(8, 9);
    String end = Venues.at(8, 11);
    String[] tokens = {Api.token("citizen"), Api.token("citizen-2")};
    int n = 200;
    List<HttpClient> clients = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      clients.add(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(Ports.BASE_URL + "/api/v1/sites/" + SITE + "/booking/bookings"))
              .timeout(Duration.ofSeconds(120))
              .header("Content-Type", "application/json")
              .header("Authorization", "Bearer " + tokens[i % 2])
              .POST(HttpRequest.BodyPublishers.ofString(Venues.request(venue, start, end)))
              .build();
      HttpClient client = clients.get(i % clients.size());
      CompletableFuture<HttpResponse<String>> f = new CompletableFuture<>();
      sent.add(f);
      Thread t =
          new Thread(
              () -> {
                try {
                  go.await();
                  f.complete(
                      client.send(
                          request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
                } catch (Exception e) {
                  f.completeExceptionally(e);
                }
              });
      t.start();
      threads.add(t);
    }
    long started = System.nanoTime();
    go.countDown();
    List<HttpResponse<String>> responses = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> f : sent) {
      responses.add(f.get());
    }
    double settled = (System.nanoTime() - started) / 1e9;
    Map<Integer, Long> byStatus =
        responses.stream()
            .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
    System.out.printf("booking storm: %d requests settled in %.2f s: %s%n", n, settled, byStatus);
    assertEquals(Map.of(201, 1L, 409, (long) n - 1), byStatus, byStatus.toString());
    for (HttpResponse<String> r : responses) {
      if (r.statusCode() == 409) {
        assertProblem(409, r);
      }
    }
    assertEquals(
        1,
        Database.count(
            "select count(*) from booking where venue_id = ? and state in ('requested', 'approved', 'confirmed', 'paid')",
            venue));
    assertEquals(
        1,
        Database.count("select count(*) from booking_slot where venue_id = ? and holding", venue));
  }

  @Test
  void partlyOverlappingRangesAndRangesAcrossABlackoutAreRefused() {
    long venue = Venues.create(SITE, Venues.hourly("重疊測試場地", "{}", false));
    assertEquals(
        201, Venues.book(SITE, "citizen", venue, Venues.at(9, 10), Venues.at(9, 12)).statusCode());
    assertProblem(409, Venues.book(SITE, "citizen-2", venue, Venues.at(9, 11), Venues.at(9, 13)));
    assertProblem(409, Venues.book(SITE, "citizen-2", venue, Venues.at(9, 9), Venues.at(9, 11)));
    assertProblem(409, Venues.book(SITE, "citizen-2", venue, Venues.at(9, 8), Venues.at(9, 12)));
    // touching is not overlapping: [10, 12) and [12, 13)
    assertEquals(
        201,
        Venues.book(SITE, "citizen-2", venue, Venues.at(9, 12), Venues.at(9, 13)).statusCode());
    HttpResponse<String> blackout =
        Api.post(
            manage("/venues/" + venue + "/blackouts"),
            "{\"start\": \""
                + Venues.at(9, 15)
                + "\", \"end\": \""
                + Venues.at(9, 17)
                + "\", \"reason\": \"冷氣維修\"}",
            EDITOR);
    assertEquals(201, blackout.statusCode(), blackout.body());
    HttpResponse<String> across =
        Venues.book(SITE, "citizen-2", venue, Venues.at(9, 14), Venues.at(9, 16));
    assertProblem(409, across);
    assertTrue(across.body().contains("冷氣維修"), across.body());
    assertEquals(
        201,
        Venues.book(SITE, "citizen-2", venue, Venues.at(9, 17), Venues.at(9, 18)).statusCode());
    // what the calendar shows: the booked hours taken, the blackout closed, the rest free
    JsonObject day =
        Api.json(
                Api.get(
                    "/api/v1/sites/"
                        + SITE
                        + "/booking/venues/"
                        + venue
                        + "/availability?from="
                        + Venues.today().plusDays(9)
                        + "&to="
                        + Venues.today().plusDays(9)))
            .getJsonArray("days")
            .getJsonObject(0);
    Map<String, String> status = new java.util.HashMap<>();
    day.getJsonArray("slots")
        .getValuesAs(JsonObject.class)
        .forEach(s -> status.put(s.getString("name"), s.getString("status")));
    assertEquals("free", status.get("09:00–10:00"));
    assertEquals("taken", status.get("10:00–11:00"));
    assertEquals("taken", status.get("12:00–13:00"));
    assertEquals("blackout", status.get("15:00–16:00"));
    assertEquals("taken", status.get("17:00–18:00"));
    assertEquals("free", status.get("21:00–22:00"));
  }

  @Test
  void pendingRequestsHoldTheirSlotsAndShowAsPending() {
    long venue = Venues.create(SITE, Venues.hourly("審核場地", "{}", true));
    HttpResponse<String> r =
        Venues.book(SITE, "citizen", venue, Venues.at(10, 10), Venues.at(10, 11));
    assertEquals(201, r.statusCode(), r.body());
    assertEquals("requested", Api.json(r).getString("state"));
    assertProblem(409, Venues.book(SITE, "citizen-2", venue, Venues.at(10, 10), Venues.at(10, 11)));
    String slots =
        Api.get(
                "/api/v1/sites/"
                    + SITE
                    + "/booking/venues/"
                    + venue
                    + "/availability?from="
                    + Venues.today().plusDays(10)
                    + "&to="
                    + Venues.today().plusDays(10))
            .body();
    assertTrue(slots.contains("\"name\":\"10:00–11:00\",\"status\":\"pending\""), slots);
  }

  @Test
  void quotasCountEachApplicantsBookingsOfTheWeekAndMonth() {
    long venue =
        Venues.create(
            SITE, Venues.hourly("配額場地", "{\"quotaPerWeek\": 1, \"quotaPerMonth\": 2}", false));
    // two days of one week: Monday and Tuesday three weeks from now
    java.time.LocalDate monday = Venues.today().plusWeeks(3).with(java.time.DayOfWeek.MONDAY);
    String m = monday.atTime(10, 0).atZone(Venues.TAIPEI).toOffsetDateTime().toString();
    String mEnd = monday.atTime(11, 0).atZone(Venues.TAIPEI).toOffsetDateTime().toString();
    String t = monday.plusDays(1).atTime(10, 0).atZone(Venues.TAIPEI).toOffsetDateTime().toString();
    String tEnd =
        monday.plusDays(1).atTime(11, 0).atZone(Venues.TAIPEI).toOffsetDateTime().toString();
    assertEquals(201, Venues.book(SITE, "citizen", venue, m, mEnd).statusCode());
    HttpResponse<String> second = Venues.book(SITE, "citizen", venue, t, tEnd);
    assertProblem(409, second);
    assertTrue(second.body().contains("a week"), second.body());
    // another applicant has a quota of their own
    assertEquals(201, Venues.book(SITE, "citizen-2", venue, t, tEnd).statusCode());
  }

  @Test
  void minimumNoticeAndTheAdvanceWindowAreFieldErrors() {
    long venue =
        Venues.create(
            SITE, Venues.hourly("提前場地", "{\"minNoticeHours\": 48, \"maxAdvanceDays\": 14}", false));
    HttpResponse<String> tooSoon =
        Venues.book(SITE, "citizen", venue, Venues.at(1, 10), Venues.at(1, 11));
    assertProblem(400, tooSoon);
    assertEquals(
        "slots", Api.json(tooSoon).getJsonArray("errors").getJsonObject(0).getString("field"));
    assertTrue(tooSoon.body().contains("48"), tooSoon.body());
    HttpResponse<String> tooFar =
        Venues.book(SITE, "citizen", venue, Venues.at(20, 10), Venues.at(20, 11));
    assertProblem(400, tooFar);
    assertTrue(tooFar.body().contains("14"), tooFar.body());
    assertEquals(
        201, Venues.book(SITE, "citizen", venue, Venues.at(5, 10), Venues.at(5, 11)).statusCode());
    // and the layout: off the hour, longer than four hours, unknown properties, no terms
    assertProblem(
        400,
        Venues.book(
            SITE, "citizen", venue, Venues.at(6, 10).replace(":00+", ":30+"), Venues.at(6, 12)));
    assertProblem(400, Venues.book(SITE, "citizen", venue, Venues.at(6, 8), Venues.at(6, 13)));
    HttpResponse<String> unknown =
        Api.post(
            "/api/v1/sites/" + SITE + "/booking/bookings",
            Venues.request(venue, Venues.at(6, 10), Venues.at(6, 11))
                .replace("}]", "}], \"colour\": \"red\""),
            Api.bearer("citizen"));
    assertProblem(400, unknown);
    assertTrue(unknown.body().contains("colour"), unknown.body());
    HttpResponse<String> noTerms =
        Api.post(
            "/api/v1/sites/" + SITE + "/booking/bookings",
            Venues.request(venue, Venues.at(6, 10), Venues.at(6, 11))
                .replace("\"termsAccepted\": true", "\"termsAccepted\": false"),
            Api.bearer("citizen"));
    assertProblem(400, noTerms);
    assertTrue(noTerms.body().contains("accept"), noTerms.body());
    assertEquals(
        1,
        Database.count("select count(*) from booking where venue_id = ?", venue),
        "nothing else stored");
  }

  @Test
  void aCancellationOffersTheSlotToTheWaitlistFirst() {
    long venue = Venues.create(SITE, Venues.hourly("候補場地", "{}", false));
    HttpResponse<String> booked =
        Venues.book(SITE, "citizen", venue, Venues.at(12, 19), Venues.at(12, 21));
    assertEquals(201, booked.statusCode(), booked.body());
    String number = Api.json(booked).getString("number");
    String slot =
        "{\"venue\": "
            + venue
            + ", \"start\": \""
            + Venues.at(12, 19)
            + "\", \"end\": \""
            + Venues.at(12, 21)
            + "\"}";
    HttpResponse<String> waiting =
        Api.post(
            "/api/v1/sites/" + SITE + "/booking/bookings/waitlist", slot, Api.bearer("citizen-2"));
    assertEquals(201, waiting.statusCode(), waiting.body());
    HttpResponse<String> cancelled =
        Api.post(
            "/api/v1/sites/" + SITE + "/booking/bookings/" + number + "/cancel",
            "{\"reason\": \"改期\"}",
            Api.bearer("citizen"));
    assertEquals(200, cancelled.statusCode(), cancelled.body());
    assertEquals("cancelled", Api.json(cancelled).getString("state"));
    MimeMessage offer = mail("citizen-2@civitas.example.tw", "候補時段已空出", "venue=" + venue);
    assertTrue(body(offer).contains("venue=" + venue), body(offer));
    // kept for the waitlisted citizen: the one who cancelled cannot take it back meanwhile
    assertProblem(409, Venues.book(SITE, "citizen", venue, Venues.at(12, 19), Venues.at(12, 21)));
    HttpResponse<String> taken =
        Venues.book(SITE, "citizen-2", venue, Venues.at(12, 19), Venues.at(12, 21));
    assertEquals(201, taken.statusCode(), taken.body());
    assertEquals(
        "booked",
        Database.rows("select state from booking_waitlist where venue_id = ?", venue)
            .get(0)
            .get(0));
    // the agency's reviewer sees who waited and how it ended
    HttpResponse<String> list = Api.get(manage("/venues/" + venue + "/waitlist"), REVIEWER);
    assertEquals(200, list.statusCode(), list.body());
    JsonObject entry = Api.json(list).getJsonArray("items").getJsonObject(0);
    assertEquals("citizen-2", entry.getString("applicant"));
    assertEquals("booked", entry.getString("state"));
  }

  @Test
  void aBlackoutTellsTheHoldersOfTheBookingsItAffects() {
    long venue = Venues.create(SITE, Venues.hourly("停用通知場地", "{}", true));
    String number =
        Api.json(Venues.book(SITE, "citizen", venue, Venues.at(15, 9), Venues.at(15, 11)))
            .getString("number");
    String other =
        Api.json(Venues.book(SITE, "citizen-2", venue, Venues.at(16, 9), Venues.at(16, 11)))
            .getString("number");
    HttpResponse<String> blackout =
        Api.post(
            manage("/venues/" + venue + "/blackouts"),
            "{\"start\": \""
                + Venues.at(15, 0)
                + "\", \"end\": \""
                + Venues.at(16, 0)
                + "\", \"reason\": \"市府活動借用\"}",
            EDITOR);
    assertEquals(201, blackout.statusCode(), blackout.body());
    assertEquals(
        List.of(number),
        Api.json(blackout)
            .getJsonArray("affected")
            .getValuesAs(jakarta.json.JsonString::getString));
    assertEquals(
        List.of(List.of("citizen@civitas.example.tw")),
        Database.rows("select email from booking where number = ?", number),
        "the booking keeps where to tell its applicant");
    assertEquals(
        1,
        Database.count(
            "select count(*) from mail_outbox where recipients like '%citizen@civitas.example.tw%' and subject like ? and subject like '%場地暫停開放%'",
            "%" + number + "%"),
        Database.rows(
                "select recipients, subject, sent_at::text, last_error from mail_outbox order by id desc limit 5")
            .toString());
    MimeMessage told = mail("citizen@civitas.example.tw", number, "場地暫停開放");
    assertTrue(body(told).contains("市府活動借用"), body(told));
    // GreenMail lists messages by mailbox, not by arrival: matched on what they say
    assertEquals(
        null,
        find("citizen-2@civitas.example.tw", other, "場地暫停開放"),
        "the booking outside the blackout is not told");
    // a blackout needs a reason and a range that ends after it starts, and the editor's permission
    assertProblem(
        400,
        Api.post(
            manage("/venues/" + venue + "/blackouts"),
            "{\"start\": \""
                + Venues.at(17, 0)
                + "\", \"end\": \""
                + Venues.at(17, 1)
                + "\", \"reason\": \"\"}",
            EDITOR));
    assertProblem(
        400,
        Api.post(
            manage("/venues/" + venue + "/blackouts"),
            "{\"start\": \""
                + Venues.at(17, 5)
                + "\", \"end\": \""
                + Venues.at(17, 1)
                + "\", \"reason\": \"x\"}",
            EDITOR));
    assertProblem(
        403,
        Api.post(
            manage("/venues/" + venue + "/blackouts"),
            "{\"start\": \""
                + Venues.at(17, 0)
                + "\", \"end\": \""
                + Venues.at(17, 1)
                + "\", \"reason\": \"x\"}",
            REVIEWER));
  }

  @Test
  void feesAreComputedPaidThroughTheSandboxAndRefundedByTheRules() {
    long venue =
        Venues.create(
            SITE,
            Venues.hourly("收費場地", "{\"cancelDeadlineHours\": 48, \"refundPercent\": 80}", false));
    String request =
        Venues.request(venue, Venues.at(20, 10), Venues.at(20, 12))
            .replace("\"termsAccepted\"", "\"discount\": \"student\", \"termsAccepted\"");
    HttpResponse<String> r =
        Api.post("/api/v1/sites/" + SITE + "/booking/bookings", request, Api.bearer("citizen"));
    assertEquals(201, r.statusCode(), r.body());
    JsonObject booking = Api.json(r);
    assertEquals("confirmed", booking.getString("state"));
    assertEquals(350, booking.getInt("fee"), "two hours at NT$250, students 30 % off");
    String number = booking.getString("number");
    String base = "/api/v1/sites/" + SITE + "/booking/bookings/" + number;
    // someone else cannot pay it, nor see it
    assertProblem(404, Api.post(base + "/payment", "{}", Api.bearer("citizen-2")));
    assertProblem(404, Api.get(base, Api.bearer("citizen-2")));
    JsonObject payment = Api.json(Api.post(base + "/payment", "{}", Api.bearer("citizen")));
    assertEquals(350, payment.getInt("amount"));
    assertEquals(
        "/account/payments/sandbox/" + payment.getString("id"), payment.getString("payUrl"));
    assertEquals("pending", payment.getString("state"));
    // a failed attempt leaves the booking confirmed, and the next attempt is a new payment
    assertEquals(
        200,
        Api.post(
                "/api/v1/payments/sandbox/" + payment.getString("id"),
                "{\"outcome\": \"failed\"}",
                Api.bearer("citizen"))
            .statusCode());
    assertEquals("confirmed", Api.json(Api.get(base, Api.bearer("citizen"))).getString("state"));
    JsonObject retry = Api.json(Api.post(base + "/payment", "{}", Api.bearer("citizen")));
    assertFalse(retry.getString("id").equals(payment.getString("id")));
    assertProblem(
        404,
        Api.post(
            "/api/v1/payments/sandbox/" + retry.getString("id"),
            "{\"outcome\": \"paid\"}",
            Api.bearer("citizen-2")));
    assertProblem(
        400,
        Api.post(
            "/api/v1/payments/sandbox/" + retry.getString("id"),
            "{\"outcome\": \"maybe\"}",
            Api.bearer("citizen")));
    assertEquals(
        200,
        Api.post(
                "/api/v1/payments/sandbox/" + retry.getString("id"),
                "{\"outcome\": \"paid\"}",
                Api.bearer("citizen"))
            .statusCode());
    assertProblem(
        409,
        Api.post(
            "/api/v1/payments/sandbox/" + retry.getString("id"),
            "{\"outcome\": \"paid\"}",
            Api.bearer("citizen")));
    JsonObject paid = Api.json(Api.get(base, Api.bearer("citizen")));
    assertEquals("paid", paid.getString("state"));
    assertEquals(350, paid.getInt("paid"));
    // cancelled 20 days ahead, before the 48-hour deadline: 80 % back
    JsonObject cancelled = Api.json(Api.post(base + "/cancel", "{}", Api.bearer("citizen")));
    assertEquals("cancelled", cancelled.getString("state"));
    assertEquals(280, cancelled.getInt("refunded"));
    JsonObject ledger =
        Api.json(
            Api.get("/api/v1/payments/sandbox/" + retry.getString("id"), Api.bearer("citizen")));
    assertEquals(280, ledger.getInt("refunded"));
    assertEquals("paid", ledger.getString("state"), "partly refunded");
    assertEquals(
        280, Database.count("select refunded from payment where id = ?", retry.getString("id")));
  }

  @Test
  void aPaymentThatArrivesAfterTheBookingWasCancelledGoesBackInFull() {
    long venue = Venues.create(SITE, Venues.hourly("退款場地", "{}", false));
    String number =
        Api.json(Venues.book(SITE, "citizen", venue, Venues.at(21, 10), Venues.at(21, 11)))
            .getString("number");
    String base = "/api/v1/sites/" + SITE + "/booking/bookings/" + number;
    JsonObject payment = Api.json(Api.post(base + "/payment", "{}", Api.bearer("citizen")));
    assertEquals(200, Api.post(base + "/cancel", "{}", Api.bearer("citizen")).statusCode());
    String sandbox = "/api/v1/payments/sandbox/" + payment.getString("id");
    assertEquals(
        200, Api.post(sandbox, "{\"outcome\": \"paid\"}", Api.bearer("citizen")).statusCode());
    JsonObject ledger = Api.json(Api.get(sandbox, Api.bearer("citizen")));
    assertEquals("refunded", ledger.getString("state"));
    assertEquals(250, ledger.getInt("refunded"));
    assertEquals("cancelled", Api.json(Api.get(base, Api.bearer("citizen"))).getString("state"));
  }

  @Test
  void aBookingTakesOnlyTheStepsItsStateAllows() {
    long venue = Venues.create(SITE, Venues.hourly("狀態場地", "{}", true));
    String number =
        Api.json(Venues.book(SITE, "citizen", venue, Venues.at(11, 10), Venues.at(11, 12)))
            .getString("number");
    String decide = manage("/bookings/" + number + "/decision");
    assertProblem(409, Api.post(decide, "{\"decision\": \"used\"}", REVIEWER));
    assertProblem(
        400, Api.post(decide, "{\"decision\": \"reject\"}", REVIEWER)); // a rejection says why
    assertProblem(400, Api.post(decide, "{\"decision\": \"maybe\"}", REVIEWER));
    assertProblem(400, Api.post(decide, "{\"decision\": \"approve\", \"note\": \"x\"}", REVIEWER));
    assertProblem(403, Api.post(decide, "{\"decision\": \"approve\"}", EDITOR));
    HttpResponse<String> approved =
        Api.post(decide, "{\"decision\": \"approve\", \"message\": \"歡迎使用\"}", REVIEWER);
    assertEquals(200, approved.statusCode(), approved.body());
    assertEquals("approved", Api.json(approved).getString("state"));
    assertProblem(409, Api.post(decide, "{\"decision\": \"approve\"}", REVIEWER));
    assertProblem(
        409, Api.post(decide, "{\"decision\": \"reject\", \"message\": \"太晚了\"}", REVIEWER));
    assertProblem(
        409, Api.post(decide, "{\"decision\": \"no-show\"}", REVIEWER), "not started yet");
    assertEquals(
        200,
        Api.post(manage("/bookings/" + number + "/cancel"), "{\"reason\": \"場地整修\"}", REVIEWER)
            .statusCode());
    assertProblem(409, Api.post(manage("/bookings/" + number + "/cancel"), "{}", REVIEWER));
    assertProblem(
        409,
        Api.post(
            "/api/v1/sites/" + SITE + "/booking/bookings/" + number + "/cancel",
            "{}",
            Api.bearer("citizen")));
    assertEquals(
        "cancelled",
        Database.rows("select state from booking where number = ?", number).get(0).get(0));
    assertEquals(
        0,
        Database.count(
            "select count(*) from booking_slot s join booking b on b.id = s.booking_id where b.number = ? and s.holding",
            number));
  }

  private static void assertProblem(int status, HttpResponse<String> r, String why) {
    assertEquals(status, r.statusCode(), why + ": " + r.body());
  }

  @Test
  void anotherAgencysStaffNeitherSeeNorActOnThisSitesBookings() {
    long venue = Venues.create(SITE, Venues.hourly("權限場地", "{}", true));
    String number =
        Api.json(Venues.book(SITE, "citizen", venue, Venues.at(13, 10), Venues.at(13, 11)))
            .getString("number");
    String[] other = Api.bearer("xitun-webmaster");
    assertProblem(403, Api.get(manage("/bookings"), other));
    assertProblem(403, Api.get(manage("/bookings/" + number), other));
    assertProblem(
        403,
        Api.post(
            manage("/bookings/" + number + "/decision"), "{\"decision\": \"approve\"}", other));
    assertProblem(403, Api.post(manage("/bookings/" + number + "/cancel"), "{}", other));
    assertProblem(403, Api.put(manage("/venues/" + venue), Venues.hourly("改名", "{}", true), other));
    assertProblem(403, Api.get(manage("/reports/usage"), other));
    assertProblem(401, Api.get(manage("/bookings")));
    // a citizen is no staff, and sees only their own bookings
    assertProblem(403, Api.get(manage("/bookings"), Api.bearer("citizen")));
    assertProblem(
        404,
        Api.get("/api/v1/sites/" + SITE + "/booking/bookings/" + number, Api.bearer("citizen-2")));
    String mine =
        Api.get("/api/v1/sites/" + SITE + "/booking/bookings/mine", Api.bearer("citizen-2")).body();
    assertFalse(mine.contains(number), mine);
    // the site's own reviewer does, through a spelling of the path that does not change what it is
    assertEquals(200, Api.get(manage("/bookings/" + number), REVIEWER).statusCode());
    assertProblem(
        403,
        Api.get("/api/v1/manage/sites/" + SITE + "/booking;x=1/bookings/" + number, other),
        "matrix parameter");
  }

  @Test
  void aSiteWithoutTheModuleAnswers404OnItsPagesAndEndpoints() {
    assertProblem(404, Api.get("/api/v1/sites/" + OFF + "/booking/venues"));
    assertProblem(404, Api.get("/api/v1/manage/sites/" + OFF + "/booking/venues", ADMIN));
    assertProblem(404, Venues.book(OFF, "citizen", 1, Venues.at(5, 10), Venues.at(5, 11)));
    assertEquals(404, Api.get("/sites/" + OFF + "/online/booking/venues").statusCode());
    assertEquals(404, Api.get("/sites/" + OFF + "/online/booking/venue/1").statusCode());
    assertEquals(200, Api.get("/sites/" + SITE + "/online/booking/venues").statusCode());
    // and a venue of another site is no venue here
    long venue = Venues.create(SITE, Venues.hourly("他站場地", "{}", true));
    assertEquals(404, Api.get("/sites/sports/online/booking/venue/" + venue).statusCode());
    assertProblem(404, Api.get("/api/v1/sites/sports/booking/venues/" + venue));
  }

  @Test
  void theVenuesPageAndCalendarAreValidHtmlWithEveryStateInWords() {
    long venue = Venues.create(SITE, Venues.hourly("頁面場地", "{}", true));
    assertEquals(
        201, Venues.book(SITE, "citizen", venue, Venues.at(3, 10), Venues.at(3, 12)).statusCode());
    String week = Venues.today().plusDays(3).toString();
    HttpResponse<String> page =
        Api.get("/sites/" + SITE + "/online/booking/venue/" + venue + "?week=" + week);
    assertEquals(200, page.statusCode());
    assertEquals(List.of(), HtmlChecker.errors(page.body()));
    assertTrue(page.body().contains("<h1>頁面場地</h1>"), page.body());
    assertTrue(page.body().contains("審核中"), "a pending request is shown as such");
    assertTrue(
        page.body().contains("/account/services/" + SITE + "/booking.request?venue=" + venue),
        "free slots link to the form");
    assertEquals(
        400,
        Api.get("/sites/" + SITE + "/online/booking/venue/" + venue + "?week=soon").statusCode());
    assertEquals(404, Api.get("/sites/" + SITE + "/online/booking/venue/999999").statusCode());
    assertEquals(404, Api.get("/sites/" + SITE + "/online/booking/venue/x").statusCode());
    HttpResponse<String> english =
        Api.get("/sites/" + SITE + "/online/booking/venue/" + venue + "?lang=en&week=" + week);
    assertEquals(List.of(), HtmlChecker.errors(english.body()));
    assertTrue(english.body().contains("Pending"), english.body());
  }

  @Test
  void eachBookingHasAnICalendarFileAndEachVenueAFeed() {
    long venue = Venues.create(SITE, Venues.hourly("行事曆場地", "{}", false));
    String number =
        Api.json(Venues.book(SITE, "citizen", venue, Venues.at(7, 10), Venues.at(7, 12)))
            .getString("number");
    String key =
        Database.rows("select calendar_key from booking where number = ?", number).get(0).get(0);
    HttpResponse<String> ics =
        Api.get(
            "/api/v1/sites/" + SITE + "/booking/bookings/" + number + "/calendar.ics?key=" + key);
    assertEquals(200, ics.statusCode(), ics.body());
    assertTrue(ics.headers().firstValue("Content-Type").orElseThrow().startsWith("text/calendar"));
    String start =
        java.time.OffsetDateTime.parse(Venues.at(7, 10))
            .withOffsetSameInstant(java.time.ZoneOffset.UTC)
            .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
    assertTrue(ics.body().contains("BEGIN:VEVENT\r\n"), ics.body());
    assertTrue(ics.body().contains("DTSTART:" + start + "\r\n"), ics.body());
    assertProblem(
        404,
        Api.get(
            "/api/v1/sites/" + SITE + "/booking/bookings/" + number + "/calendar.ics?key=wrong"));
    assertProblem(
        404, Api.get("/api/v1/sites/" + SITE + "/booking/bookings/" + number + "/calendar.ics"));
    HttpResponse<String> feed =
        Api.get("/api/v1/sites/" + SITE + "/booking/venues/" + venue + "/calendar.ics");
    assertEquals(200, feed.statusCode());
    assertTrue(feed.body().contains("DTSTART:" + start), feed.body());
    assertFalse(feed.body().contains("王小明"), "no names in the public feed");
  }

  @Test
  void theAvailabilityOfAVenueIsCachedUntilABookingChangesIt() {
    long venue = Venues.create(SITE, Venues.hourly("快取場地", "{}", false));
    String path =
        "/api/v1/sites/"
            + SITE
            + "/booking/venues/"
            + venue
            + "/availability?from="
            + Venues.today().plusDays(4)
            + "&to="
            + Venues.today().plusDays(4);
    Api.get(path);
    HttpResponse<String> hit = Api.get(path);
    assertEquals("hit", hit.headers().firstValue("X-Civitas-Cache").orElse("(none)"), path);
    assertTrue(hit.body().contains("\"name\":\"10:00–11:00\",\"status\":\"free\""), hit.body());
    assertEquals(
        201, Venues.book(SITE, "citizen", venue, Venues.at(4, 10), Venues.at(4, 11)).statusCode());
    Eventually.until(
        "the booking shows",
        Duration.ofSeconds(5),
        () -> Api.get(path).body().contains("\"name\":\"10:00–11:00\",\"status\":\"taken\""));
    // another venue's availability stayed in the cache
  }

  @Test
  void theUsageReportCountsAMonthsBookingsHoursAndFeesAsCsvToo() {
    long venue = Venues.create(SITE, Venues.hourly("報表場地", "{}", false));
    java.time.LocalDate day = Venues.today().plusDays(6);
    String month = java.time.YearMonth.from(day).toString();
    String s1 = day.atTime(10, 0).atZone(Venues.TAIPEI).toOffsetDateTime().toString();
    String e1 = day.atTime(13, 0).atZone(Venues.TAIPEI).toOffsetDateTime().toString();
    assertEquals(201, Venues.book(SITE, "citizen", venue, s1, e1).statusCode());
    HttpResponse<String> json = Api.get(manage("/reports/usage?month=" + month), EDITOR);
    assertEquals(200, json.statusCode(), json.body());
    JsonObject line =
        Api.json(json).getJsonArray("venues").getValuesAs(JsonObject.class).stream()
            .filter(l -> l.getJsonNumber("venue").longValue() == venue)
            .findFirst()
            .orElseThrow();
    assertEquals(1, line.getInt("bookings"));
    assertEquals(3.0, line.getJsonNumber("hours").doubleValue());
    int days = java.time.YearMonth.from(day).lengthOfMonth();
    assertEquals(14.0 * days, line.getJsonNumber("openHours").doubleValue());
    assertEquals(
        Math.round(1000.0 * 3 / (14.0 * days)) / 10.0,
        line.getJsonNumber("occupancyPercent").doubleValue());
    assertEquals(0, line.getInt("fees"), "confirmed, not paid yet");
    HttpResponse<String> csv =
        Api.get(manage("/reports/usage?month=" + month + "&format=csv"), EDITOR);
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
    assertTrue(csv.body().contains(month + "," + venue + ",\"報表場地\",1,3.0,"), csv.body());
    assertProblem(400, Api.get(manage("/reports/usage?month=December"), EDITOR));
  }

  @Test
  void venuesAreReadStrictlyAndOnlyByTheirSitesEditors() {
    HttpResponse<String> bad =
        Api.post(
            manage("/venues"), "{\"nameZh\": \"\", \"capacity\": -1, \"colour\": \"red\"}", EDITOR);
    assertProblem(400, bad);
    for (String field : List.of("nameZh", "capacity", "colour", "opening", "slots", "termsZh")) {
      assertTrue(bad.body().contains("\"" + field + "\""), field + " in " + bad.body());
    }
    assertProblem(403, Api.post(manage("/venues"), Venues.hourly("審核員場地", "{}", true), REVIEWER));
    HttpResponse<String> made =
        Api.post(manage("/venues"), Venues.hourly("編輯場地", "{}", true), EDITOR);
    assertEquals(201, made.statusCode(), made.body());
    long id = Api.json(made).getJsonNumber("id").longValue();
    assertEquals(
        200,
        Api.put(manage("/venues/" + id), Venues.hourly("編輯場地二", "{}", true), EDITOR).statusCode());
    assertTrue(Api.get("/api/v1/sites/" + SITE + "/booking/venues/" + id).body().contains("編輯場地二"));
    assertEquals(
        201, Venues.book(SITE, "citizen", id, Venues.at(9, 20), Venues.at(9, 21)).statusCode());
    assertProblem(409, Api.delete(manage("/venues/" + id), EDITOR)); // it has a booking
  }

  @Test
  void threeDemoSitesCarryVenuesWithAMonthOfBookings() {
    for (String site : List.of("sports", "culture", "xitun-district")) {
      assertTrue(
          Database.count("select count(*) from booking_venue where site_key = ? and demo", site)
              >= 1,
          site);
      assertTrue(
          Database.count(
                  "select count(*) from booking where site_key = ? and demo and starts_at > now() - interval '20 days'",
                  site)
              >= 10,
          site + " has a month of demo bookings");
    }
    assertTrue(
        Database.count("select count(distinct state) from booking where demo") >= 5,
        "the demo bookings go through the states");
    String venue =
        Database.rows(
                "select id::text from booking_venue where site_key = 'sports' and demo order by id limit 1")
            .get(0)
            .get(0);
    HttpResponse<String> page = Api.get("/sites/sports/online/booking/venue/" + venue);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("此場地為示範資料"), "marked as demonstration data");
    assertTrue(page.body().contains("已預約") || page.body().contains("審核中"), "a working calendar");
    assertTrue(
        Api.get("/sites/sports/").body().contains("/sites/sports/online/booking/venue/" + venue),
        "the home page lists it");
  }

  private static String body(MimeMessage m) {
    try {
      return m.getContent().toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The mail to {@code to} that says every one of {@code texts} (subject or body), waited for. */
  private static MimeMessage mail(String to, String... texts) {
    try {
      Eventually.until(
          "a mail to " + to + " with " + Arrays.toString(texts),
          Duration.ofSeconds(20),
          () -> find(to, texts) != null);
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage()
              + "; outbox: "
              + Database.rows(
                  "select recipients, subject, attempts::text, sent_at::text, last_error"
                      + " from mail_outbox order by id desc limit 4"),
          e);
    }
    return find(to, texts);
  }

  private static MimeMessage find(String to, String... texts) {
    return Arrays.stream(TestServices.mail().getReceivedMessages())
        .filter(
            m -> {
              try {
                String all = m.getSubject() + "\n" + body(m);
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(to))
                    && Arrays.stream(texts).allMatch(all::contains);
              } catch (Exception e) {
                return false;
              }
            })
        .findFirst()
        .orElse(null);
  }
}
