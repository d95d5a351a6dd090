package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Database;

/**
 * The test plug-in (modules/fixture-plugin) as the tests expect it: its permissions and grants
 * written here, not read from the server, and the one site that enables it.
 */
final class PlugIns {

  static final String SITE = "xitun-district";
  static final String NOTE_MANAGE = "fixture.note.manage";
  static final String NOTE_REVIEW = "fixture.note.review";

  private static boolean enabled;

  /** How often the tests switched the fixture on (the plug-in hears each as an event). */
  private static int timesEnabled;

  private PlugIns() {}

  /**
   * A citizen's petition on {@code site} with a PDF attached, written straight into the plug-in's
   * table and the private files (as the account pages store them; CitizenFileUploadBrowserIT sends
   * real ones).
   *
   * @return the petition's id
   */
  static long petitionWithAttachment(String site) {
    String file = java.util.UUID.randomUUID().toString().replace("-", "");
    byte[] pdf = CitizenFileUploadBrowserIT.pdf("matrix " + file);
    Database.execute(
        "insert into private_file (id, module_id, owner, file_name, media_type, size_bytes, sha256,"
            + " content, created_at) values (?, 'fixture', 'citizen', 'matrix.pdf', 'application/pdf', ?, ?, ?, now())",
        file,
        (long) pdf.length,
        "0".repeat(64),
        pdf);
    return Long.parseLong(
        Database.rows(
                "insert into fixture_petition (site_key, citizen, subject, attachment_id,"
                    + " created_at) values (?, 'citizen', '矩陣陳情', ?, now()) returning id::text",
                site,
                file)
            .get(0)
            .get(0));
  }

  /**
   * Enables the fixture plug-in on {@link #SITE} (once per run; enabling it is a site setting,
   * audited).
   */
  static synchronized void enableFixture() {
    if (enabled) {
      return;
    }
    HttpResponse<String> r =
        Api.put(
            "/api/v1/manage/sites/" + SITE,
            "{\"enabledModules\": [\"fixture\"]}",
            Api.bearer("platform-admin"));
    assertEquals(200, r.statusCode(), r.body());
    enabled = true;
    timesEnabled++;
  }

  /** Switches the fixture off on {@link #SITE} for the length of {@code work}, then on again. */
  static synchronized void whileSwitchedOff(Runnable work) {
    enableFixture();
    assertEquals(
        200,
        Api.put(
                "/api/v1/manage/sites/" + SITE,
                "{\"enabledModules\": []}",
                Api.bearer("platform-admin"))
            .statusCode());
    try {
      work.run();
    } finally {
      HttpResponse<String> r =
          Api.put(
              "/api/v1/manage/sites/" + SITE,
              "{\"enabledModules\": [\"fixture\"]}",
              Api.bearer("platform-admin"));
      assertEquals(200, r.statusCode(), r.body());
      timesEnabled++;
    }
  }

  static synchronized int timesEnabled() {
    return timesEnabled;
  }
}
