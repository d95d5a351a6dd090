package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import tw.gov.civitas.it.support.Api;

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

  /** Enables the fixture plug-in on {@link #SITE} (once per run; enabling it is a site setting, audited). */
  static synchronized void enableFixture() {
    if (enabled) {
      return;
    }
    HttpResponse<String> r = Api.put("/api/v1/manage/sites/" + SITE, "{\"enabledModules\": [\"fixture\"]}",
        Api.bearer("platform-admin"));
    assertEquals(200, r.statusCode(), r.body());
    enabled = true;
    timesEnabled++;
  }

  /** Switches the fixture off on {@link #SITE} for the length of {@code work}, then on again. */
  static synchronized void whileSwitchedOff(Runnable work) {
    enableFixture();
    assertEquals(200, Api.put("/api/v1/manage/sites/" + SITE, "{\"enabledModules\": []}", Api.bearer("platform-admin"))
        .statusCode());
    try {
      work.run();
    } finally {
      HttpResponse<String> r = Api.put("/api/v1/manage/sites/" + SITE, "{\"enabledModules\": [\"fixture\"]}",
          Api.bearer("platform-admin"));
      assertEquals(200, r.statusCode(), r.body());
      timesEnabled++;
    }
  }

  static synchronized int timesEnabled() {
    return timesEnabled;
  }
}
