package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Database;
import tw.gov.civitas.it.support.Ports;

/**
 * A plug-in's own Faces view (the fixture's notes board, notes-board.xhtml in its jar in the EAR's
 * lib/) inside the editor's module page: used by the site's webmaster in Chromium (add, remove, the
 * audit trail and the table behind it), axe-clean up to WCAG 2.2 AA; absent on a site without the
 * module; refused without the permission; never reachable at a path of its own; its form posts need
 * the ViewState and the PrimeFaces nonce the editor issued, and are admitted again each time.
 */
@ArquillianTest
class EditorModuleViewBrowserIT {

  private static final String BOARD =
      "/editor/module.xhtml?site=" + PlugIns.SITE + "&page=fixture.board";

  /** Something only the rendered view shows, and something only its source holds. */
  private static final String RENDERED = "id=\"board-site\"";

  private static final String SOURCE = "fixtureNotesBoard";
  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
  private static final Pattern NONCE = Pattern.compile("'nonce-([^']+)'");

  @Test
  void aWebmasterAddsAndRemovesANoteOnThePlugInsOwnView() {
    WebDriver browser = EditorBrowser.openFromWorkspace("公告板", "公告板");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    assertTrue(browser.findElement(By.id("board-site")).getText().contains(PlugIns.SITE));
    EditorBrowser.assertAccessible(browser);
    tw.gov.civitas.it.support.PageChecks.assertValidHtml(browser);

    EditorBrowser.assertEmptyNoteRefused(browser, By.id("note-form:add"));

    String text = "公告板 " + UUID.randomUUID().toString().substring(0, 8);
    browser.findElement(By.id("note-form:text")).sendKeys(text);
    browser.findElement(By.id("note-form:add")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("board:notes"), text));
    assertTrue(
        browser.findElement(By.id("note-form:board-messages")).getText().contains("已新增 Added"));
    String id =
        Database.rows(
                "select id::text from fixture_note where site_key = ? and text = ? and author = ?",
                PlugIns.SITE,
                text,
                "xitun-webmaster")
            .get(0)
            .get(0);
    assertEquals(
        1,
        Database.count(
            "select count(*) from audit_event where action = 'fixture.note.create'"
                + " and actor = 'xitun-webmaster' and site_key = ? and entity_id = ? and after_state->>'text' = ?",
            PlugIns.SITE,
            id,
            text));
    EditorBrowser.assertAccessible(browser);

    browser.findElement(By.xpath("//tr[td[normalize-space() = '" + text + "']]//button")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("note-form:board-messages"), "已刪除 Removed"));
    assertFalse(browser.findElement(By.id("board:notes")).getText().contains(text));
    assertEquals(0, Database.count("select count(*) from fixture_note where id = ?::bigint", id));
    assertEquals(
        1,
        Database.count(
            "select count(*) from audit_event where action = 'fixture.note.delete'"
                + " and actor = 'xitun-webmaster' and site_key = ? and entity_id = ? and before_state->>'text' = ?"
                + " and after_state is null",
            PlugIns.SITE,
            id,
            text));
    EditorBrowser.assertAccessible(browser);

    // the site that does not enable the module has no such page
    browser.get(Ports.BASE_URL + "/editor/module.xhtml?site=transportation&page=fixture.board");
    assertTrue(browser.getTitle().contains("Page not found"), browser.getTitle());
    browser.get(Ports.BASE_URL + "/editor/logout");
  }

  @Test
  void withoutThePermissionThePageIsRefusedAndTheViewNeverRendered() {
    PlugIns.enableFixture();
    for (String user :
        List.of(
            "transportation-webmaster", "transportation-editor", "digital-reviewer", "citizen")) {
      HttpResponse<String> r = Api.get(BOARD, Api.bearer(user));
      assertEquals(403, r.statusCode(), user);
      assertFalse(r.body().contains(RENDERED), user);
    }
    HttpResponse<String> own = Api.get(BOARD, Api.bearer("xitun-webmaster"));
    assertEquals(200, own.statusCode());
    assertTrue(own.body().contains(RENDERED));
    HttpResponse<String> elsewhere =
        Api.get(
            "/editor/module.xhtml?site=transportation&page=fixture.board",
            Api.bearer("platform-admin"));
    assertEquals(404, elsewhere.statusCode());
    assertFalse(elsewhere.body().contains(RENDERED));
  }

  @Test
  void theViewsOwnPathIsRefusedUnderEverySpelling() {
    PlugIns.enableFixture();
    List<String> urls =
        List.of(
            "/editor/module-views/fixture/notes-board.xhtml",
            "/editor/module-views/fixture/notes-board.xhtml;x=1",
            "/editor/module-views;x=1/fixture/notes-board.xhtml",
            "/editor;x=1/module-views/fixture/notes-board.xhtml",
            "/editor/./module-views/fixture/notes-board.xhtml",
            "/editor/x/../module-views/fixture/notes-board.xhtml",
            "/editor/module-views/fixture/./notes-board.xhtml",
            "/editor//module-views/fixture/notes-board.xhtml",
            "/editor/module-views//fixture/notes-board.xhtml",
            "/editor/%6dodule-views/fixture/notes-board.xhtml",
            "/editor/module-views/fixture/notes-board%2exhtml",
            "/editor/module-views%2ffixture%2fnotes-board.xhtml",
            "/editor/module-views/fixture%2fnotes-board.xhtml",
            "/editor/MODULE-VIEWS/fixture/notes-board.xhtml",
            "/editor/module-views/fixture/notes-board.xhtml%00",
            "/editor/module-views/fixture/notes-board.xhtml?site="
                + PlugIns.SITE
                + "&page=fixture.board",
            "/editor/module-views/fixture/notes.xhtml",
            "/editor/module-views/fixture/",
            "/editor/META-INF/civitas/editor/fixture/notes-board.xhtml",
            "/editor/module.xhtml/../META-INF/civitas/editor/fixture/notes-board.xhtml",
            "/editor/jakarta.faces.resource/notes-board.xhtml.xhtml?ln=../civitas/editor/fixture",
            "/editor/jakarta.faces.resource/notes-board.xhtml.xhtml?ln=fixture",
            "/editor/jakarta.faces.resource/META-INF/civitas/editor/fixture/notes-board.xhtml.xhtml",
            "/editor/jakarta.faces.resource/..%2fcivitas%2feditor%2ffixture%2fnotes-board.xhtml.xhtml");
    List<String> failures = new ArrayList<>();
    Map<String, String[]> callers =
        Map.of(
            "anonymous",
            new String[0],
            "xitun-webmaster",
            Api.bearer("xitun-webmaster"),
            "platform-admin",
            Api.bearer("platform-admin"));
    for (String url : urls) {
      callers.forEach(
          (who, auth) -> {
            for (String method : List.of("GET", "POST")) {
              HttpResponse<String> r =
                  Api.send(
                      HttpRequest.newBuilder(URI.create(Ports.BASE_URL + url))
                          .header("Content-Type", "application/x-www-form-urlencoded")
                          .method(
                              method,
                              HttpRequest.BodyPublishers.ofString(
                                  "note-form=note-form&note-form:text=x")),
                      auth);
              int status = r.statusCode();
              boolean refused =
                  status == 400
                      || status == 403
                      || status == 404
                      || status == 405
                      || who.equals("anonymous") && (status == 302 || status == 401);
              if (!refused || r.body().contains(RENDERED) || r.body().contains(SOURCE)) {
                failures.add(who + " " + method + " " + url + ": " + status);
              }
            }
          });
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void aFormPostNeedsTheViewStateAndNonceTheEditorIssuedAndIsAdmittedAgain() {
    PlugIns.enableFixture();
    String text = "偽造 " + UUID.randomUUID().toString().substring(0, 8);
    Page page = Page.open("xitun-webmaster");

    // a forged ViewState; a real one without its session (a cross-site post, where SameSite
    // withholds the
    // cookie); a real one without the page's PrimeFaces nonce (which a script of the page adds to
    // each post)
    assertEquals(
        403,
        page.add("xitun-webmaster", "1234567890:-987654321", page.nonce(), text, true)
            .statusCode());
    assertEquals(
        403, page.add("xitun-webmaster", page.viewState(), page.nonce(), text, false).statusCode());
    assertEquals(403, page.add("xitun-webmaster", page.viewState(), null, text, true).statusCode());
    assertEquals(
        403, page.add("xitun-webmaster", page.viewState(), "bm9uY2U=", text, true).statusCode());
    assertEquals(0, Database.count("select count(*) from fixture_note where text = ?", text));

    // the site stops enabling the module after the page was shown: the post finds no page, and
    // stores nothing
    try {
      HttpResponse<String> off =
          Api.put(
              "/api/v1/manage/sites/" + PlugIns.SITE,
              "{\"enabledModules\": []}",
              Api.bearer("platform-admin"));
      assertEquals(200, off.statusCode(), off.body());
      assertEquals(
          404,
          page.add("xitun-webmaster", page.viewState(), page.nonce(), text, true).statusCode());
      assertEquals(0, Database.count("select count(*) from fixture_note where text = ?", text));
    } finally {
      HttpResponse<String> on =
          Api.put(
              "/api/v1/manage/sites/" + PlugIns.SITE,
              "{\"enabledModules\": [\"fixture\"]}",
              Api.bearer("platform-admin"));
      assertEquals(200, on.statusCode(), on.body());
    }

    // the same post with the ViewState, nonce and session the editor issued: stored, once, on the
    // page's own
    // site, though the post names another (Faces decodes view parameters again on every post)
    HttpResponse<String> real =
        page.add(
            "xitun-webmaster",
            page.viewState(),
            page.nonce(),
            text,
            true,
            Map.of("site", "transportation", "page", "fixture.notes"));
    assertEquals(200, real.statusCode());
    assertTrue(real.body().contains(text));
    assertTrue(real.body().contains("<code>" + PlugIns.SITE + "</code>"), real.body());
    assertEquals(
        1,
        Database.count(
            "select count(*) from fixture_note where text = ? and site_key = ?",
            text,
            PlugIns.SITE));
  }

  /**
   * The board as one user's client got it: the session cookie, the ViewState of its forms, the CSP
   * nonce.
   */
  private record Page(String cookie, String viewState, String nonce) {
    static Page open(String user) {
      HttpResponse<String> r = Api.get(BOARD, Api.bearer(user));
      assertEquals(200, r.statusCode());
      String cookie =
          r.headers().allValues("Set-Cookie").stream()
              .filter(c -> c.startsWith("JSESSIONID="))
              .map(c -> c.substring(0, c.indexOf(';')))
              .findFirst()
              .orElseThrow();
      Matcher m = VIEW_STATE.matcher(r.body());
      assertTrue(m.find(), r.body());
      Matcher nonce = NONCE.matcher(r.headers().firstValue("Content-Security-Policy").orElse(""));
      assertTrue(nonce.find(), r.headers().toString());
      return new Page(cookie, m.group(1), nonce.group(1));
    }

    /** The add form, posted as the browser would (the button's name says which was pressed). */
    HttpResponse<String> add(
        String user, String viewState, String nonce, String text, boolean withCookie) {
      return add(user, viewState, nonce, text, withCookie, Map.of());
    }

    HttpResponse<String> add(
        String user,
        String viewState,
        String nonce,
        String text,
        boolean withCookie,
        Map<String, String> more) {
      Map<String, String> fields =
          new java.util.LinkedHashMap<>(
              Map.of(
                  "note-form",
                  "note-form",
                  "note-form:text",
                  text,
                  "note-form:add",
                  "",
                  "jakarta.faces.ViewState",
                  viewState));
      fields.putAll(more);
      if (nonce != null) {
        fields.put("primefaces.nonce", nonce);
      }
      String form =
          fields.entrySet().stream()
              .map(
                  e ->
                      URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      HttpRequest.Builder post =
          HttpRequest.newBuilder(URI.create(Ports.BASE_URL + "/editor/module.xhtml"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form));
      if (withCookie) {
        post.header("Cookie", cookie);
      }
      return Api.send(post, Api.bearer(user));
    }
  }
}
