package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Eventually;
import tw.gov.civitas.it.support.Multipart;
import tw.gov.civitas.it.support.Ports;

/**
 * Every management operation × every demo role × own site, another site and no token, with the
 * expected permission of each operation and the grant of each role written here — not read from the
 * server, whose declarations are what is under test. An allowed call is made with a valid body on a
 * fresh fixture and must succeed (2xx); a refused one must be 403 (401 without a token). Then each
 * operation again under other spellings of its path, which must never open it.
 */
@ArquillianTest
class AuthorizationMatrixIT {

  @org.junit.jupiter.api.BeforeAll
  static void theTestPlugInIsEnabledOnOneSite() {
    PlugIns.enableFixture();
    Venues.enable();
  }

  static final String EDIT = "core.content.edit";
  static final String PUBLISH = "core.content.publish";
  static final String MANAGE = "core.site.manage";
  static final String ADMIN = "platform.admin";
  static final String SIGNED_IN = "signed-in";

  /** Which site roles hold each permission (ADR 0001; CoreModule registers the same). */
  static final Map<String, Set<String>> GRANTS =
      Map.of(
          EDIT,
          Set.of("editor", "reviewer", "site-admin"),
          PUBLISH,
          Set.of("reviewer", "site-admin"),
          MANAGE,
          Set.of("site-admin"),
          // the test plug-in's (modules/fixture-plugin: FixtureModule registers the same)
          PlugIns.NOTE_MANAGE,
          Set.of("site-admin"),
          // the venue booking module's (modules/venue-booking: BookingModule registers the same)
          Venues.MANAGE,
          Set.of("site-admin", "editor"),
          Venues.DECIDE,
          Set.of("site-admin", "reviewer"));

  /** Which platform roles hold a permission on every site (the plug-in's bureau-wide review). */
  static final Map<String, Set<String>> PLATFORM_GRANTS =
      Map.of(PlugIns.NOTE_REVIEW, Set.of("digital-reviewer"));

  static final List<String> SITES = List.of("transportation", "xitun-district");

  /** The demo realm's role holders (the fixture: modules/dev-services/.../civitas-realm.json). */
  static final Map<String, Map<String, Set<String>>> SITE_ROLES =
      Map.of(
          "platform-admin", Map.of(),
          "transportation-webmaster", Map.of("transportation", Set.of("site-admin")),
          "transportation-editor", Map.of("transportation", Set.of("editor")),
          "transportation-reviewer", Map.of("transportation", Set.of("reviewer")),
          "xitun-webmaster", Map.of("xitun-district", Set.of("site-admin")),
          "digital-reviewer", Map.of(),
          "citizen", Map.of());

  private static final AtomicInteger SEQ = new AtomicInteger();

  /** A request ready to send: its path (with values) and body. */
  record Call(String method, String path, String contentType, byte[] body) {
    static Call json(String method, String path, String json) {
      return new Call(
          method,
          path,
          json == null ? null : "application/json",
          json == null ? null : json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  /**
   * An operation, the permission it must need, and how to make a valid call of it on a site; a
   * plug-in's operation exists only on the sites in {@code onlyOn} (elsewhere 404 to whoever may
   * call it).
   */
  record Op(
      String method,
      String template,
      String permission,
      Function<String, Call> fixture,
      Set<String> onlyOn) {
    Op(String method, String template, String permission, Function<String, Call> fixture) {
      this(method, template, permission, fixture, null);
    }

    boolean perSite() {
      return template.contains("{site}");
    }

    boolean existsOn(String site) {
      return onlyOn == null || site == null || onlyOn.contains(site);
    }
  }

  static String unique(String prefix) {
    return prefix + "-" + System.nanoTime() % 1_000_000_000 + "-" + SEQ.incrementAndGet();
  }

  static String[] admin() {
    return Api.bearer("platform-admin");
  }

  /** A fresh draft page with two revisions, created by a platform administrator. */
  static String item(String site) {
    String slug = unique("matrix");
    HttpResponse<String> r =
        Api.post(
            "/api/v1/manage/sites/" + site + "/content",
            "{\"type\": \"page\", \"slug\": \"" + slug + "\", \"fields\": {\"title\": \"矩陣測試\"}}",
            admin());
    assertEquals(201, r.statusCode(), r.body());
    HttpResponse<String> u =
        Api.put(
            "/api/v1/manage/sites/" + site + "/content/" + slug,
            "{\"fields\": {\"title\": \"矩陣測試二\"}}",
            admin());
    assertEquals(200, u.statusCode(), u.body());
    return slug;
  }

  static String media(String site) {
    HttpResponse<String> r = upload(site).post("/api/v1/manage/sites/" + site + "/media", admin());
    assertEquals(201, r.statusCode(), r.body());
    return Api.json(r).getString("id");
  }

  /** A multipart PUT of a picture: a file's replacement. */
  static Call replacement(String path) {
    String boundary = "matrix" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"matrix.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    body.writeBytes(png());
    body.writeBytes(
        ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return new Call("PUT", path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  static Multipart upload(String site) {
    return new Multipart().file("file", "matrix.png", "image/png", png()).field("alt", "矩陣測試圖");
  }

  static byte[] png() {
    BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png.toByteArray();
  }

  static final String WEBHOOK_URL = "https://93.184.215.14/civitas-matrix";

  static long webhook(String site) {
    HttpResponse<String> r =
        Api.post(
            "/api/v1/manage/sites/" + site + "/webhooks",
            "{\"url\": \"" + WEBHOOK_URL + "\", \"events\": [\"content.published\"]}",
            admin());
    assertEquals(201, r.statusCode(), r.body());
    return Api.json(r).getJsonNumber("id").longValue();
  }

  /** A release scheduled in an hour, by a platform administrator. */
  static long release(String site) {
    HttpResponse<String> r =
        Api.post(
            "/api/v1/manage/sites/" + site + "/releases",
            "{\"name\": \"矩陣取消\", \"releaseAt\": \""
                + inAnHour()
                + "\", \"items\": [\""
                + item(site)
                + "\"]}",
            admin());
    assertEquals(201, r.statusCode(), r.body());
    return Api.json(r).getJsonNumber("id").longValue();
  }

  static String content(String site) {
    return "/api/v1/manage/sites/" + site + "/content/";
  }

  static String inAnHour() {
    return OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(1).withNano(0).toString();
  }

  /** Every management operation of the API. A new one must be added here with what it needs. */
  static final List<Op> OPERATIONS =
      List.of(
          new Op(
              "GET",
              "/api/v1/manage/permissions",
              SIGNED_IN,
              s -> Call.json("GET", "/api/v1/manage/permissions", null)),
          new Op(
              "GET",
              "/api/v1/manage/me",
              SIGNED_IN,
              s -> Call.json("GET", "/api/v1/manage/me", null)),
          new Op(
              "GET",
              "/api/v1/manage/audit",
              ADMIN,
              s -> Call.json("GET", "/api/v1/manage/audit?size=5", null)),
          new Op(
              "GET",
              "/api/v1/manage/audit/csv",
              ADMIN,
              s -> Call.json("GET", "/api/v1/manage/audit/csv?actor=nobody", null)),
          new Op(
              "POST",
              "/api/v1/manage/sites",
              ADMIN,
              s ->
                  Call.json(
                      "POST",
                      "/api/v1/manage/sites",
                      "{\"key\": \""
                          + unique("matrix-site")
                          + "\", \"name\": {\"zh-TW\": \"矩陣測試站\", \"en\": \"Matrix\"},"
                          + " \"template\": \"district-office\"}")),
          new Op(
              "GET",
              "/api/v1/manage/search-index",
              ADMIN,
              s -> Call.json("GET", "/api/v1/manage/search-index", null)),
          new Op(
              "GET",
              "/api/v1/manage/modules",
              ADMIN,
              s -> Call.json("GET", "/api/v1/manage/modules", null)),
          new Op(
              "POST",
              "/api/v1/manage/search-index",
              ADMIN,
              s -> Call.json("POST", "/api/v1/manage/search-index", null)),
          new Op(
              "GET",
              "/api/v1/manage/sites/{site}",
              EDIT,
              s -> Call.json("GET", "/api/v1/manage/sites/" + s, null)),
          new Op(
              "PUT",
              "/api/v1/manage/sites/{site}",
              MANAGE,
              s ->
                  Call.json(
                      "PUT", "/api/v1/manage/sites/" + s, "{\"requireDistinctReviewer\": false}")),
          new Op(
              "GET",
              "/api/v1/manage/sites/{site}/menus/{menu}",
              EDIT,
              s -> Call.json("GET", "/api/v1/manage/sites/" + s + "/menus/main", null)),
          new Op(
              "PUT",
              "/api/v1/manage/sites/{site}/menus/{menu}",
              MANAGE,
              s ->
                  Call.json(
                      "PUT",
                      "/api/v1/manage/sites/" + s + "/menus/matrix",
                      "{\"entries\": [{\"label\": \"矩陣\", \"url\": \"/sites/" + s + "/\"}]}")),
          new Op(
              "GET",
              "/api/v1/manage/sites/{site}/content",
              EDIT,
              s ->
                  Call.json(
                      "GET", "/api/v1/manage/sites/" + s + "/content?state=draft&size=5", null)),
          new Op(
              "GET",
              "/api/v1/manage/sites/{site}/content-types",
              EDIT,
              s -> Call.json("GET", "/api/v1/manage/sites/" + s + "/content-types", null)),
          new Op(
              "POST",
              "/api/v1/manage/sites/{site}/content/transitions",
              EDIT,
              s ->
                  Call.json(
                      "POST",
                      content(s) + "transitions",
                      "{\"action\": \"submit\", \"slugs\": [\"" + item(s) + "\"]}")),
          new Op(
              "POST",
              "/api/v1/manage/sites/{site}/content",
              EDIT,
              s ->
                  Call.json(
                      "POST",
                      "/api/v1/manage/sites/" + s + "/content",
                      "{\"type\": \"page\", \"slug\": \""
                          + unique("matrix")
                          + "\", \"fields\": {\"title\": \"矩陣\"}}")),
          new Op(
              "GET",
              "/api/v1/manage/sites/{site}/content/{slug}",
              EDIT,
              s -> Call.json("GET", content(s) + item(s), null)),
          new Op(
              "PUT",
              "/api/v1/manage/sites/{site}/content/{slug}",
              EDIT,
              s -> Call.json("PUT", content(s) + item(s), "{\"fields\": {\"title\": \"矩陣更新\"}}")),
          new Op(
              "DELETE",
              "/api/v1/manage/sites/{site}/content/{slug}",
              EDIT,
              s -> Call.json("DELETE", content(s) + item(s), null)),
          new Op(
              "POST",
              "/api/v1/manage/sites/{site}/content/{slug}/transitions",
              EDIT,
              s ->
                  Call.json(
                      "POST", content(s) + item(s) + "/transitions", "{\"action\": \"submit\"}")),
          new Op(
              "GET",
              "/api/v1/manage/sites/{site}/content/{slug}/revisions",
              EDIT,
              s -> Call.json("GET", content(s) + item(s) + "/revisions", null)),
          new Op(
              "GET",
              "/api/v1/manage/sites/{site}/content/{slug}/revisions/{number}",
              EDIT,
              s -> Call.json("GET", content(s) + item(s) + "/revisions/1", null)),
          new Op(
              "GET",
              "/api/v1/manage/sites/{site}/content/{slug}/diff",
              EDIT,
              s -> Call.json("GET", content(s) + item(s) + "/diff?from=1&to=2", null)),
          new Op(
              "POST",
              "/api/v1/manage/sites/{site}/content/{slug}/revisions/{number}/restore",
              EDIT,
              s -> Call.json("POST", content(s) + item(s) + "/revisions/1/restore", null)),
          new Op(
              "POST",
              "/api/v1/manage/sites/{site}/content/{slug}/preview",
              EDIT,
              s ->
                  Call.json(
                      "POST", content(s) + item(s) + "/preview", "{\"validForMinutes\": 60}")),
          new Op(
              "GET",
              "/api/v1/manage/sites/{site}/media",
              EDIT,
              s -> Call.json("GET", "/api/v1/manage/sites/" + s + "/media", null)),
          // a multipart upload: send() builds it (the fixture is never asked)
          new Op("POST", "/api/v1/manage/sites/{site}/media", EDIT, s -> null),
          new Op(
              "PUT",
              "/api/v1/manage/sites/{site}/media/{id}",
              EDIT,
              s -> replacement("/api/v1/manage/sites/" + s + "/media/" + media(s))),
          new Op(
              "DELETE",
              "/api/v1/manage/sites/{site}/media/{id}",
              EDIT,
              s -> Call.json("DELETE", "/api/v1/manage/sites/" + s + "/media/" + media(s), null)),
          new Op(
              "GET",
              "/api/v1/manage/sites/{site}/releases",
              EDIT,
              s -> Call.json("GET", "/api/v1/manage/sites/" + s + "/releases", null)),
          new Op(
              "POST",
              "/api/v1/manage/sites/{site}/releases",
              PUBLISH,
              s ->
                  Call.json(
                      "POST",
                      "/api/v1/manage/sites/" + s + "/releases",
                      "{\"name\": \"矩陣發布\", \"releaseAt\": \""
                          + inAnHour()
                          + "\", \"items\": [\""
                          + item(s)
                          + "\"]}")),
          new Op(
              "POST",
              "/api/v1/manage/sites/{site}/releases/{id}/cancel",
              PUBLISH,
              s ->
                  Call.json(
                      "POST",
                      "/api/v1/manage/sites/" + s + "/releases/" + release(s) + "/cancel",
                      null)),
          new Op(
              "GET",
              "/api/v1/manage/sites/{site}/audit",
              MANAGE,
              s -> Call.json("GET", "/api/v1/manage/sites/" + s + "/audit?size=5", null)),
          new Op(
              "GET",
              "/api/v1/manage/sites/{site}/audit/csv",
              MANAGE,
              s -> Call.json("GET", "/api/v1/manage/sites/" + s + "/audit/csv?actor=nobody", null)),
          new Op(
              "GET",
              "/api/v1/manage/sites/{site}/roles",
              MANAGE,
              s -> Call.json("GET", "/api/v1/manage/sites/" + s + "/roles", null)),
          new Op(
              "GET",
              "/api/v1/manage/sites/{site}/webhooks",
              MANAGE,
              s -> Call.json("GET", "/api/v1/manage/sites/" + s + "/webhooks", null)),
          new Op(
              "POST",
              "/api/v1/manage/sites/{site}/webhooks",
              MANAGE,
              s ->
                  Call.json(
                      "POST",
                      "/api/v1/manage/sites/" + s + "/webhooks",
                      "{\"url\": \"" + WEBHOOK_URL + "\", \"events\": [\"content.published\"]}")),
          new Op(
              "DELETE",
              "/api/v1/manage/sites/{site}/webhooks/{id}",
              MANAGE,
              s ->
                  Call.json(
                      "DELETE", "/api/v1/manage/sites/" + s + "/webhooks/" + webhook(s), null)),
          new Op(
              "GET",
              "/api/v1/manage/sites/{site}/webhooks/{id}/deliveries",
              MANAGE,
              s ->
                  Call.json(
                      "GET",
                      "/api/v1/manage/sites/" + s + "/webhooks/" + webhook(s) + "/deliveries",
                      null)),
          new Op(
              "GET",
              "/api/v1/manage/clock",
              ADMIN,
              s -> Call.json("GET", "/api/v1/manage/clock", null)),
          new Op(
              "POST",
              "/api/v1/manage/clock",
              ADMIN,
              s -> Call.json("POST", "/api/v1/manage/clock", "{\"advanceSeconds\": 0}")),
          // the test plug-in's operations, enabled on one site only
          new Op(
              "GET",
              "/api/v1/manage/sites/{site}/fixture/notes",
              PlugIns.NOTE_MANAGE,
              s -> Call.json("GET", "/api/v1/manage/sites/" + s + "/fixture/notes", null),
              Set.of(PlugIns.SITE)),
          new Op(
              "POST",
              "/api/v1/manage/sites/{site}/fixture/notes",
              PlugIns.NOTE_MANAGE,
              s ->
                  Call.json(
                      "POST",
                      "/api/v1/manage/sites/" + s + "/fixture/notes",
                      "{\"text\": \"矩陣公告\"}"),
              Set.of(PlugIns.SITE)),
          new Op(
              "POST",
              "/api/v1/manage/sites/{site}/fixture/pictures",
              PlugIns.NOTE_MANAGE,
              s ->
                  new Call(
                      "POST",
                      "/api/v1/manage/sites/"
                          + s
                          + "/fixture/pictures?name=m.png&alt=%E7%9F%A9%E9%99%A3",
                      "application/octet-stream",
                      png()),
              Set.of(PlugIns.SITE)),
          new Op(
              "GET",
              "/api/v1/manage/sites/{site}/fixture/petitions/{id}/attachment",
              PlugIns.NOTE_MANAGE,
              s ->
                  Call.json(
                      "GET",
                      "/api/v1/manage/sites/"
                          + s
                          + "/fixture/petitions/"
                          + PlugIns.petitionWithAttachment(s)
                          + "/attachment",
                      null),
              Set.of(PlugIns.SITE)),
          new Op(
              "GET",
              "/api/v1/manage/fixture/review",
              PlugIns.NOTE_REVIEW,
              s -> Call.json("GET", "/api/v1/manage/fixture/review", null)),
          // the venue booking module's, enabled on transportation only
          new Op(
              "GET",
              "/api/v1/manage/sites/{site}/booking/venues",
              Venues.MANAGE,
              s -> Call.json("GET", "/api/v1/manage/sites/" + s + "/booking/venues", null),
              Set.of(Venues.SITE)),
          new Op(
              "POST",
              "/api/v1/manage/sites/{site}/booking/venues",
              Venues.MANAGE,
              s ->
                  Call.json(
                      "POST",
                      "/api/v1/manage/sites/" + s + "/booking/venues",
                      Venues.hourly("矩陣場地", "{}", true)),
              Set.of(Venues.SITE)),
          new Op(
              "PUT",
              "/api/v1/manage/sites/{site}/booking/venues/{venue}",
              Venues.MANAGE,
              s ->
                  Call.json(
                      "PUT",
                      "/api/v1/manage/sites/" + s + "/booking/venues/" + venueOn(s),
                      Venues.hourly("矩陣場地改", "{}", true)),
              Set.of(Venues.SITE)),
          new Op(
              "DELETE",
              "/api/v1/manage/sites/{site}/booking/venues/{venue}",
              Venues.MANAGE,
              s ->
                  Call.json(
                      "DELETE",
                      "/api/v1/manage/sites/" + s + "/booking/venues/" + venueOn(s),
                      null),
              Set.of(Venues.SITE)),
          new Op(
              "GET",
              "/api/v1/manage/sites/{site}/booking/venues/{venue}/blackouts",
              Venues.MANAGE,
              s ->
                  Call.json(
                      "GET",
                      "/api/v1/manage/sites/" + s + "/booking/venues/" + venueOn(s) + "/blackouts",
                      null),
              Set.of(Venues.SITE)),
          new Op(
              "POST",
              "/api/v1/manage/sites/{site}/booking/venues/{venue}/blackouts",
              Venues.MANAGE,
              s ->
                  Call.json(
                      "POST",
                      "/api/v1/manage/sites/" + s + "/booking/venues/" + venueOn(s) + "/blackouts",
                      "{\"start\": \""
                          + Venues.at(30, 8)
                          + "\", \"end\": \""
                          + Venues.at(30, 12)
                          + "\", \"reason\": \"矩陣維修\"}"),
              Set.of(Venues.SITE)),
          new Op(
              "DELETE",
              "/api/v1/manage/sites/{site}/booking/venues/{venue}/blackouts/{blackout}",
              Venues.MANAGE,
              s -> Call.json("DELETE", blackoutOn(s), null),
              Set.of(Venues.SITE)),
          new Op(
              "GET",
              "/api/v1/manage/sites/{site}/booking/venues/{venue}/waitlist",
              Venues.DECIDE,
              s ->
                  Call.json(
                      "GET",
                      "/api/v1/manage/sites/" + s + "/booking/venues/" + venueOn(s) + "/waitlist",
                      null),
              Set.of(Venues.SITE)),
          new Op(
              "GET",
              "/api/v1/manage/sites/{site}/booking/bookings",
              Venues.DECIDE,
              s -> Call.json("GET", "/api/v1/manage/sites/" + s + "/booking/bookings", null),
              Set.of(Venues.SITE)),
          new Op(
              "GET",
              "/api/v1/manage/sites/{site}/booking/bookings/{number}",
              Venues.DECIDE,
              s ->
                  Call.json(
                      "GET",
                      "/api/v1/manage/sites/" + s + "/booking/bookings/" + bookingOn(s),
                      null),
              Set.of(Venues.SITE)),
          new Op(
              "POST",
              "/api/v1/manage/sites/{site}/booking/bookings/{number}/decision",
              Venues.DECIDE,
              s ->
                  Call.json(
                      "POST",
                      "/api/v1/manage/sites/"
                          + s
                          + "/booking/bookings/"
                          + bookingOn(s)
                          + "/decision",
                      "{\"decision\": \"approve\"}"),
              Set.of(Venues.SITE)),
          new Op(
              "POST",
              "/api/v1/manage/sites/{site}/booking/bookings/{number}/cancel",
              Venues.DECIDE,
              s ->
                  Call.json(
                      "POST",
                      "/api/v1/manage/sites/" + s + "/booking/bookings/" + bookingOn(s) + "/cancel",
                      "{\"reason\": \"矩陣取消\"}"),
              Set.of(Venues.SITE)),
          new Op(
              "GET",
              "/api/v1/manage/sites/{site}/booking/reports/usage",
              Venues.MANAGE,
              s ->
                  Call.json(
                      "GET",
                      "/api/v1/manage/sites/" + s + "/booking/reports/usage?format=csv",
                      null),
              Set.of(Venues.SITE)));

  /** A fresh venue where the module is on; elsewhere a number (the call answers 404 or 403). */
  static long venueOn(String site) {
    return Venues.SITE.equals(site) ? Venues.venue() : 1;
  }

  /** A fresh booking request where the module is on. */
  static String bookingOn(String site) {
    return Venues.SITE.equals(site) ? Venues.booking(true) : "B-20260101-1";
  }

  /** A fresh blackout's address where the module is on. */
  static String blackoutOn(String site) {
    if (!Venues.SITE.equals(site)) {
      return "/api/v1/manage/sites/" + site + "/booking/venues/1/blackouts/1";
    }
    long venue = Venues.venue();
    String path = "/api/v1/manage/sites/" + site + "/booking/venues/" + venue + "/blackouts";
    HttpResponse<String> r =
        Api.post(
            path,
            "{\"start\": \""
                + Venues.at(31, 8)
                + "\", \"end\": \""
                + Venues.at(31, 12)
                + "\", \"reason\": \"矩陣\"}",
            admin());
    return path + "/" + Api.json(r).getJsonNumber("id").longValue();
  }

  static boolean allowed(String user, String site, String permission) {
    if (SIGNED_IN.equals(permission) || "platform-admin".equals(user)) {
      return true;
    }
    if (PLATFORM_GRANTS.getOrDefault(permission, Set.of()).contains(user)) {
      return true;
    }
    if (ADMIN.equals(permission) || site == null) {
      return false;
    }
    Set<String> held = SITE_ROLES.get(user).getOrDefault(site, Set.of());
    return held.stream().anyMatch(GRANTS.get(permission)::contains);
  }

  static HttpResponse<String> send(Op op, String site, String... auth) {
    if (op.method().equals("POST") && op.template().endsWith("/media")) {
      return upload(site).post("/api/v1/manage/sites/" + site + "/media", auth);
    }
    return send(op.fixture().apply(site), auth);
  }

  static HttpResponse<String> send(Call call, String... auth) {
    HttpRequest.BodyPublisher body =
        call.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(call.body());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Ports.BASE_URL + call.path()))
            .method(call.method(), body);
    if (call.contentType() != null) {
      request.header("Content-Type", call.contentType());
    }
    return Api.send(request, auth);
  }

  /** The API describes every operation the matrix knows, and no other, with the same permission. */
  @Test
  void theMatrixCoversEveryManagementOperationThatTheApiDescribes() {
    JsonObject paths =
        Api.json(Api.get("/openapi", "Accept", "application/json")).getJsonObject("paths");
    Set<String> described = new TreeSet<>();
    List<String> wrong = new ArrayList<>();
    Map<String, String> expected = new LinkedHashMap<>();
    for (Op op : OPERATIONS) {
      expected.put(op.method() + " " + op.template(), op.permission());
    }
    for (String path : paths.keySet()) {
      if (!path.startsWith("/api/v1/manage")) {
        continue;
      }
      for (String method : List.of("get", "post", "put", "delete", "patch")) {
        JsonObject op = paths.getJsonObject(path).getJsonObject(method);
        if (op == null) {
          continue;
        }
        String key = method.toUpperCase() + " " + path;
        described.add(key);
        String declared = op.getString("x-civitas-permission", null);
        if (!expected.containsKey(key)) {
          wrong.add(key + " is not in the matrix: add it with the permission it must need");
        } else if (!expected.get(key).equals(declared)) {
          wrong.add(key + " declares " + declared + ", expected " + expected.get(key));
        }
      }
    }
    for (String key : expected.keySet()) {
      if (!described.contains(key)) {
        wrong.add(key + " is in the matrix but not in /openapi");
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void everyManagementOperationTimesEveryRoleTimesOwnAndOtherSite() {
    List<String> failures = new ArrayList<>();
    int calls = 0;
    for (Op op : OPERATIONS) {
      for (String site : op.perSite() ? SITES : Collections.<String>singletonList(null)) {
        HttpResponse<String> anonymous = send(op, site);
        calls++;
        if (anonymous.statusCode() != 401 || !isProblem(anonymous)) {
          failures.add(
              "anonymous "
                  + op.method()
                  + " "
                  + op.template()
                  + " on "
                  + site
                  + ": "
                  + anonymous.statusCode());
        }
        for (String user : SITE_ROLES.keySet()) {
          HttpResponse<String> response = send(op, site, Api.bearer(user));
          calls++;
          int status = response.statusCode();
          boolean expectAllowed = allowed(user, site, op.permission());
          boolean ok =
              !expectAllowed
                  ? status == 403 && isProblem(response)
                  : op.existsOn(site) ? status / 100 == 2 : status == 404 && isProblem(response);
          if (!ok) {
            failures.add(
                user
                    + " "
                    + op.method()
                    + " "
                    + op.template()
                    + " on "
                    + site
                    + " ("
                    + op.permission()
                    + "): "
                    + status
                    + (expectAllowed
                        ? ", expected 2xx: " + abbreviate(response.body())
                        : ", expected 403 problem+json"));
          }
        }
      }
    }
    System.out.println("authorization matrix: " + calls + " calls");
    assertTrue(
        failures.isEmpty(),
        calls + " calls, " + failures.size() + " wrong:\n" + String.join("\n", failures));
    // the matrix asked for search-index rebuilds: let them finish before other tests search
    Eventually.until(
        "the search index rebuild",
        Duration.ofSeconds(90),
        () ->
            Api.get("/api/v1/manage/search-index", Api.bearer("platform-admin"))
                .body()
                .contains("\"done\""));
  }

  /**
   * Spellings of a management path that a router may treat as the same operation: none may reach it
   * without the right, whatever the spelling. Anonymous callers and another agency's webmaster.
   */
  static List<String> spellings(String path) {
    List<String> out = new ArrayList<>();
    String rest = path.substring("/api/v1/manage".length()); // e.g. /sites/transportation/audit
    out.add(path);
    out.add("/api/v1/manage;x=1" + rest);
    out.add("/api/v1/manage;" + rest);
    out.add("/api/v1/manage;jsessionid=1" + rest);
    out.add("/api/v1/./manage" + rest);
    out.add("/api/v1/sites/../manage" + rest);
    out.add("/api/v1/x/..;/manage" + rest);
    out.add("/api/v1/%6danage" + rest);
    out.add("/api/v1/%6D%61%6E%61%67%65" + rest);
    out.add("/api/v1/manage%2F" + rest.substring(1));
    out.add("/api/v1//manage" + rest);
    out.add("/api/v1/manage/" + rest);
    out.add(path + "/");
    out.add("/api/v1/MANAGE" + rest);
    out.add("/api/v1/Manage" + rest);
    out.add("/api/V1/manage" + rest);
    out.add("/API/v1/manage" + rest);
    if (rest.startsWith("/sites/transportation")) {
      String after = rest.substring("/sites/transportation".length());
      out.add("/api/v1/manage/sites/transportation;x=1" + after);
      out.add("/api/v1/manage/sites;x=1/transportation" + after);
      out.add("/api/v1/manage/sites/%74ransportation" + after);
      out.add("/api/v1/manage/sites/TRANSPORTATION" + after);
      out.add("/api/v1/manage/sites/./transportation" + after);
      out.add("/api/v1/manage/sites/xitun-district/../transportation" + after);
      if (!after.isEmpty()) {
        out.add("/api/v1/manage/sites/transportation" + after + ";x=1");
        // the next segment's first letter percent-encoded: /audit as /%61udit
        out.add(
            "/api/v1/manage/sites/transportation/%"
                + Integer.toHexString(after.charAt(1))
                + after.substring(2));
      }
    }
    return out.stream().distinct().toList();
  }

  @Test
  void noSpellingOfAManagementPathOpensItToAnonymousCallersOrAnotherAgency() {
    List<String> failures = new ArrayList<>();
    int calls = 0;
    String[] otherAgency = Api.bearer("xitun-webmaster");
    for (Op op : OPERATIONS) {
      if (op.method().equals("POST") && op.template().endsWith("/media")) {
        continue; // a multipart body: covered by the matrix above
      }
      String site = op.perSite() ? "transportation" : null;
      Call call = op.fixture().apply(site == null ? "transportation" : site);
      String query =
          call.path().contains("?") ? call.path().substring(call.path().indexOf('?')) : "";
      String path =
          call.path().contains("?")
              ? call.path().substring(0, call.path().indexOf('?'))
              : call.path();
      for (String spelling : spellings(path)) {
        Call variant = new Call(call.method(), spelling + query, call.contentType(), call.body());
        HttpResponse<String> anonymous = send(variant);
        calls++;
        if (!Set.of(400, 401, 404, 405).contains(anonymous.statusCode())) {
          failures.add(
              "anonymous " + call.method() + " " + variant.path() + ": " + anonymous.statusCode());
        }
        if (op.perSite() || !SIGNED_IN.equals(op.permission())) {
          HttpResponse<String> other = send(variant, otherAgency);
          calls++;
          if (!Set.of(400, 403, 404, 405).contains(other.statusCode())) {
            failures.add(
                "xitun-webmaster "
                    + call.method()
                    + " "
                    + variant.path()
                    + ": "
                    + other.statusCode());
          }
        }
      }
    }
    System.out.println("path spellings: " + calls + " calls");
    assertTrue(calls > 1000, "only " + calls + " calls");
    assertTrue(
        failures.isEmpty(),
        calls + " calls, " + failures.size() + " wrong:\n" + String.join("\n", failures));
  }

  @Test
  void editorServletsRefuseEverySpellingToAnonymousCallersAndAnotherAgency() {
    List<String> failures = new ArrayList<>();
    String[] otherAgency = Api.bearer("xitun-webmaster");
    List<String> urls =
        List.of(
            "/editor/audit.csv?site=transportation",
            "/editor/audit.csv;x=1?site=transportation",
            "/editor/./audit.csv?site=transportation",
            "/editor/x/../audit.csv?site=transportation",
            "/editor/%61udit.csv?site=transportation",
            "/editor//audit.csv?site=transportation",
            "/editor;x=1/audit.csv?site=transportation",
            "/editor/audit.csv?site=TRANSPORTATION",
            "/editor/audit.csv?site=transportation%00",
            "/editor/audit.csv",
            "/editor/site.xhtml;x=1?site=transportation",
            "/editor/./site.xhtml?site=transportation",
            "/editor/site.xhtml?site=%74ransportation");
    for (String url : urls) {
      HttpResponse<String> anonymous = Api.get(url);
      if (anonymous.statusCode() / 100 == 2 || anonymous.statusCode() >= 500) {
        failures.add("anonymous " + url + ": " + anonymous.statusCode());
      }
      HttpResponse<String> other = Api.get(url, otherAgency);
      if (other.statusCode() / 100 == 2 || other.statusCode() >= 500) {
        failures.add("xitun-webmaster " + url + ": " + other.statusCode());
      }
    }
    assertEquals(List.of(), failures);
    // the same export is open to the site's own administrator
    HttpResponse<String> own =
        Api.get("/editor/audit.csv?site=transportation", Api.bearer("transportation-webmaster"));
    assertEquals(200, own.statusCode());
  }

  /** A site's editor page: the permission it needs there, and what else its address names. */
  record SitePage(String permission, Function<String, String> query) {}

  /** Every site page of the editor, written here, not read from the editor. */
  static final Map<String, SitePage> SITE_PAGES =
      Map.of(
          "site.xhtml", new SitePage(EDIT, s -> ""),
          "media.xhtml", new SitePage(EDIT, s -> ""),
          "item.xhtml", new SitePage(EDIT, s -> "&type=news"),
          "revisions.xhtml", new SitePage(EDIT, s -> "&slug=" + item(s)),
          "menus.xhtml", new SitePage(MANAGE, s -> ""),
          "settings.xhtml", new SitePage(MANAGE, s -> ""),
          "releases.xhtml", new SitePage(EDIT, s -> ""),
          "webhooks.xhtml", new SitePage(MANAGE, s -> ""),
          "layout.xhtml", new SitePage(MANAGE, s -> ""));

  /** The editor's pages for platform administrators alone (the others' 403). */
  static final Set<String> ADMIN_PAGES = Set.of("admin.xhtml");

  @Test
  void everyEditorPageTimesEveryRoleTimesOwnAndOtherSite() throws IOException {
    Path webapp = Path.of(System.getProperty("civitas.home"), "modules/editor-web/src/main/webapp");
    List<Path> pages;
    try (Stream<Path> files = Files.walk(webapp)) {
      pages =
          files
              .filter(p -> p.toString().endsWith(".xhtml") && !p.toString().contains("WEB-INF"))
              .toList();
    }
    assertFalse(pages.isEmpty());
    List<String> failures = new ArrayList<>();
    for (Path page : pages) {
      String name = webapp.relativize(page).toString();
      if (name.equals("module.xhtml")) {
        modulePages(failures);
        continue;
      }
      // A page with a "site" view parameter is a site's page: it needs the permission written in
      // SITE_PAGES on that site (a new site page must be added there).
      boolean perSite = Files.readString(page).contains("name=\"site\"");
      if (perSite && !SITE_PAGES.containsKey(name)) {
        failures.add(name + " is a site's page but not in SITE_PAGES");
        continue;
      }
      for (String site : perSite ? SITES : Collections.<String>singletonList(null)) {
        String url =
            "/editor/"
                + name
                + (site == null ? "" : "?site=" + site + SITE_PAGES.get(name).query().apply(site));
        String permission = site == null ? null : SITE_PAGES.get(name).permission();
        int anonymous = Api.get(url).statusCode();
        if (anonymous != 302 && anonymous != 401) {
          failures.add(
              "anonymous " + url + ": " + anonymous + ", expected a redirect to the login");
        }
        for (String user : SITE_ROLES.keySet()) {
          int status = Api.get(url, Api.bearer(user)).statusCode();
          boolean expectAllowed =
              ADMIN_PAGES.contains(name)
                  ? "platform-admin".equals(user)
                  : site == null
                      || "platform-admin".equals(user)
                      || SITE_ROLES.get(user).getOrDefault(site, Set.of()).stream()
                          .anyMatch(GRANTS.get(permission)::contains);
          if (expectAllowed ? status != 200 : status != 403) {
            failures.add(
                user
                    + " "
                    + url
                    + ": "
                    + status
                    + (expectAllowed ? ", expected 200" : ", expected 403"));
          }
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  /**
   * The plug-ins' editor pages (module.xhtml?page=…), described as data or the module's own view:
   * the permission each must need, and where it exists.
   */
  static final Map<String, String> MODULE_PAGES =
      Map.of(
          "fixture.notes", PlugIns.NOTE_MANAGE,
          "fixture.board", PlugIns.NOTE_MANAGE,
          "booking.venues", Venues.MANAGE,
          "booking.requests", Venues.DECIDE,
          "booking.report", Venues.MANAGE,
          "identity.role-holders", MANAGE);

  /**
   * The platform's own pages among them, on every site (the plug-ins' are on their one site only).
   */
  static final java.util.Set<String> PLATFORM_PAGES = java.util.Set.of("identity.role-holders");

  private static void modulePages(List<String> failures) {
    Map<String, String> pages = new java.util.HashMap<>(MODULE_PAGES);
    pages.put("fixture.no-such-page", null);
    pages.forEach(
        (page, permission) -> {
          for (String site : SITES) {
            String url = "/editor/module.xhtml?site=" + site + "&page=" + page;
            int anonymous = Api.get(url).statusCode();
            if (anonymous != 302 && anonymous != 401) {
              failures.add(
                  "anonymous " + url + ": " + anonymous + ", expected a redirect to the login");
            }
            // a plug-in's pages are on the one site that enables it
            String on = page.startsWith("booking.") ? Venues.SITE : PlugIns.SITE;
            boolean exists =
                permission != null && (PLATFORM_PAGES.contains(page) || on.equals(site));
            for (String user : SITE_ROLES.keySet()) {
              int status = Api.get(url, Api.bearer(user)).statusCode();
              int expected = !exists ? 404 : allowed(user, site, permission) ? 200 : 403;
              if (status != expected) {
                failures.add(user + " " + url + ": " + status + ", expected " + expected);
              }
            }
          }
        });
  }

  static boolean isProblem(HttpResponse<String> r) {
    return r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
  }

  static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
