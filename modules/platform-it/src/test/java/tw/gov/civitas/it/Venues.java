package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import tw.gov.civitas.it.support.Api;

/**
 * The venue booking module (modules/venue-booking) as the tests meet it: switched on for
 * transportation (whose staff hold every site role in the demo realm), venues described here, and
 * the server's clock to place slots by. Its permissions and grants are written here, not read from
 * the server.
 */
final class Venues {

  static final String SITE = "transportation";
  static final String MANAGE = "booking.venue.manage";
  static final String DECIDE = "booking.request.decide";
  static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

  private static boolean enabled;

  private Venues() {}

  /** Switches the module on for {@link #SITE} (a site setting, audited), once per run. */
  static synchronized void enable() {
    if (enabled) {
      return;
    }
    HttpResponse<String> r =
        Api.put(
            "/api/v1/manage/sites/" + SITE,
            "{\"enabledModules\": [\"booking\"]}",
            Api.bearer("platform-admin"));
    assertEquals(200, r.statusCode(), r.body());
    enabled = true;
  }

  /** The platform clock's day in Taipei (tests move the clock forward, never back). */
  static LocalDate today() {
    JsonObject now = Api.json(Api.get("/api/v1/manage/clock", Api.bearer("platform-admin")));
    return LocalDate.ofInstant(Instant.parse(now.getString("now")), TAIPEI);
  }

  /**
   * An hourly venue open 08:00–22:00 every day, one to four hours, NT$250 an hour with students 30
   * % off; {@code rules} and {@code approval} as given.
   */
  static String hourly(String name, String rules, boolean approval) {
    return "{\"nameZh\": \""
        + name
        + "\", \"nameEn\": \"Test court\", \"address\": \"臺中市西屯區台灣大道三段 99 號\", \"capacity\": 20,"
        + " \"opening\": {\"1\": \"08:00-22:00\", \"2\": \"08:00-22:00\", \"3\": \"08:00-22:00\","
        + " \"4\": \"08:00-22:00\", \"5\": \"08:00-22:00\", \"6\": \"08:00-22:00\", \"7\": \"08:00-22:00\"},"
        + " \"slots\": {\"mode\": \"flexible\", \"granularityMinutes\": 60, \"minMinutes\": 60,"
        + " \"maxMinutes\": 240},"
        + " \"fees\": {\"perHour\": 250, \"discounts\": {\"student\": 30}},"
        + " \"rules\": "
        + rules
        + ", \"termsZh\": \"測試規定\", \"approvalRequired\": "
        + approval
        + "}";
  }

  /** Creates a venue on the site as a platform administrator; its id. */
  static long create(String site, String json) {
    HttpResponse<String> r =
        Api.post(
            "/api/v1/manage/sites/" + site + "/booking/venues", json, Api.bearer("platform-admin"));
    assertEquals(201, r.statusCode(), r.body());
    return Api.json(r).getJsonNumber("id").longValue();
  }

  /**
   * A slot's start, {@code days} from today at {@code hour}:00 Taipei time, as the API takes it.
   */
  static String at(int days, int hour) {
    return today().plusDays(days).atTime(hour, 0).atZone(TAIPEI).toOffsetDateTime().toString();
  }

  static String request(long venue, String start, String end) {
    return "{\"venue\": "
        + venue
        + ", \"slots\": [{\"start\": \""
        + start
        + "\", \"end\": \""
        + end
        + "\"}], \"applicantName\": \"王小明\", \"phone\": \"04-2228-9111\", \"purpose\": \"社區羽球練習\","
        + " \"attendees\": 6, \"termsAccepted\": true}";
  }

  static HttpResponse<String> book(String site, String user, long venue, String start, String end) {
    return Api.post(
        "/api/v1/sites/" + site + "/booking/bookings",
        request(venue, start, end),
        Api.bearer(user));
  }

  /** A fresh booking on a fresh venue of {@link #SITE}, by the citizen; its number. */
  static String booking(boolean approval) {
    enable();
    long venue = create(SITE, hourly("矩陣場地 " + System.nanoTime(), "{}", approval));
    HttpResponse<String> r = book(SITE, "citizen", venue, at(5, 10), at(5, 12));
    assertEquals(201, r.statusCode(), r.body());
    return Api.json(r).getString("number");
  }

  static long venue() {
    enable();
    return create(SITE, hourly("矩陣場地 " + System.nanoTime(), "{}", true));
  }
}
