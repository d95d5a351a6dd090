package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Browser;
import tw.gov.civitas.it.support.Database;
import tw.gov.civitas.it.support.Ports;
import tw.gov.civitas.it.support.TestServices;

/**
 * A plug-in's citizen forms (the fixture's petition and appointment), rendered by the platform on
 * the account pages: the citizen signs in once, errors stand next to their field, the form is
 * received once, a post without the page's CSRF token is refused, the page meets WCAG 2.2 AA with
 * the ::: anchors, and a form of numbers, dates, boxes and choices prepared per request is filled
 * with the keyboard alone.
 */
@ArquillianTest
class CitizenServiceFormBrowserIT {

  private static final List<String> WCAG_TAGS =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
  private static final String FORM = "/account/services/" + PlugIns.SITE + "/fixture.petition";

  @Test
  void aCitizenSendsAPlugInsFormOnce() {
    PlugIns.enableFixture();
    TestServices.keycloak();
    WebDriver browser = Browser.fresh();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get(Ports.BASE_URL + FORM);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    browser.findElement(By.id("username")).sendKeys("citizen");
    browser.findElement(By.id("password")).sendKeys("civitas-dev");
    browser.findElement(By.id("kc-login")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("field-subject")));
    assertEquals("陳情", browser.findElement(By.tagName("h1")).getText());
    assertAccessible(browser);
    tw.gov.civitas.it.support.PageChecks.assertValidHtml(browser);
    for (String key : List.of("U", "C", "Z")) {
      WebElement anchor = browser.findElement(By.id(key));
      assertEquals(":::", anchor.getText());
      assertEquals(key, anchor.getAttribute("accesskey"));
    }
    assertTrue(browser.findElements(By.tagName("script")).isEmpty(), "works without JavaScript");

    // the browser's own "required" check is skipped, as an old browser would: the server's message
    // shows
    long before = Database.count("select count(*) from fixture_petition");
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("document.getElementById('field-subject').removeAttribute('required')");
    browser.findElement(By.id("send")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
    WebElement field = browser.findElement(By.id("field-subject"));
    assertEquals("true", field.getAttribute("aria-invalid"));
    assertTrue(browser.findElement(By.id("field-subject-error")).getText().contains("is required"));
    assertEquals(before, Database.count("select count(*) from fixture_petition"));
    assertAccessible(browser);

    String subject = "請修路燈 " + UUID.randomUUID().toString().substring(0, 8);
    browser.findElement(By.id("field-subject")).sendKeys(subject);
    browser.findElement(By.id("send")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("received")));
    assertTrue(browser.findElement(By.id("received")).getText().contains("案件編號"));
    assertEquals(
        1,
        Database.count(
            "select count(*) from fixture_petition where subject = ? and citizen = 'citizen'",
            subject));
    // a reload shows the confirmation again; it does not send the form again
    browser.navigate().refresh();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("received")));
    assertEquals(
        1, Database.count("select count(*) from fixture_petition where subject = ?", subject));
    assertAccessible(browser);

    // a post the page did not issue (another site's form, the session's cookie riding along):
    // refused
    String session =
        browser.manage().getCookies().stream()
            .filter(c -> c.getName().equals("JSESSIONID") && "/account".equals(c.getPath()))
            .map(Cookie::getValue)
            .findFirst()
            .orElseThrow();
    HttpResponse<byte[]> forged =
        Api.sendBytes(
            HttpRequest.newBuilder(URI.create(Ports.BASE_URL + FORM))
                .header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("subject=forged&csrf=guess")));
    assertEquals(403, forged.statusCode());
    assertEquals(
        0, Database.count("select count(*) from fixture_petition where subject = 'forged'"));

    // a site that does not enable the module has no such form
    browser.get(Ports.BASE_URL + "/account/services/transportation/fixture.petition");
    assertTrue(browser.findElements(By.id("field-subject")).isEmpty());
    browser.get(Ports.BASE_URL + "/account/logout");
  }

  /**
   * The fixture's appointment (every field kind but files; its desk's free slots prepared per
   * request) filled with the keyboard alone: the server refuses a number out of bounds, terms not
   * accepted and a slot taken meanwhile, each at its field and storing nothing, and no longer
   * offers a taken slot.
   */
  @Test
  void aCitizenBooksAnAppointmentWithTheKeyboardAlone() {
    PlugIns.enableFixture();
    TestServices.keycloak();
    WebDriver browser = Browser.fresh();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    String form = "/account/services/" + PlugIns.SITE + "/fixture.appointment";
    String appointments = "select count(*) from fixture_appointment where citizen = 'citizen'";

    // a desk the fixture does not have: why, the form's title and the way back to the site, no form
    browser.get(Ports.BASE_URL + form + "?desk=z");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    browser.findElement(By.id("username")).sendKeys("citizen");
    browser.findElement(By.id("password")).sendKeys("civitas-dev", Keys.ENTER);
    wait.until(d -> d.getCurrentUrl().startsWith(Ports.BASE_URL + "/account/"));
    browser.get(Ports.BASE_URL + form + "?desk=z");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("refusal")));
    assertEquals("預約", browser.findElement(By.tagName("h1")).getText());
    assertEquals("沒有這個櫃檯，請從網站預約 A 或 B 櫃檯。", browser.findElement(By.id("refusal")).getText());
    assertEquals(
        "/sites/" + PlugIns.SITE + "/",
        URI.create(browser.findElement(By.id("back")).getAttribute("href")).getPath());
    assertTrue(browser.findElements(By.tagName("form")).isEmpty());
    assertAccessible(browser);

    // desk A, linked with a day: the form starts with the day and one person
    browser.get(Ports.BASE_URL + form + "?desk=a&day=2026-12-10");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("field-day")));
    assertEquals("預約", browser.findElement(By.tagName("h1")).getText());
    assertTrue(
        browser.findElement(By.id("intro")).getText().contains("您預約的是 A 櫃檯。"),
        browser.findElement(By.id("intro")).getText());
    assertEquals("date", browser.findElement(By.id("field-day")).getAttribute("type"));
    assertEquals("2026-12-10", browser.findElement(By.id("field-day")).getAttribute("value"));
    WebElement people = browser.findElement(By.id("field-people"));
    assertEquals("number", people.getAttribute("type"));
    assertEquals("numeric", people.getAttribute("inputmode"));
    assertEquals("1", people.getAttribute("min"));
    assertEquals("5", people.getAttribute("max"));
    assertEquals("1", people.getAttribute("value"));
    assertEquals(List.of("09:00", "10:00", "11:00"), offered(browser));
    assertEquals("時段（必填）", browser.findElement(By.cssSelector("fieldset legend")).getText());
    assertEquals("checkbox", browser.findElement(By.id("field-accept")).getAttribute("type"));
    assertEquals(
        "我同意櫃檯使用規範（必填）", browser.findElement(By.cssSelector("label[for=field-accept]")).getText());
    assertEquals("a", browser.findElement(By.name("desk")).getAttribute("value"));
    assertEquals("hidden", browser.findElement(By.name("desk")).getAttribute("type"));
    assertTrue(browser.findElements(By.tagName("script")).isEmpty(), "works without JavaScript");
    assertAccessible(browser);
    tw.gov.civitas.it.support.PageChecks.assertValidHtml(browser);

    // what the browser would not send, the server refuses too: a day that does not exist, and a
    // desk other than the one the page carries
    long before = Database.count(appointments);
    String csrf = browser.findElement(By.name("csrf")).getAttribute("value");
    HttpResponse<byte[]> noSuchDay =
        post(
            browser,
            form,
            "csrf=" + csrf + "&desk=a&day=2026-02-30&people=1&slot=09%3A00&accept=true");
    assertEquals(400, noSuchDay.statusCode());
    String noSuchDayPage = new String(noSuchDay.body(), StandardCharsets.UTF_8);
    assertTrue(
        noSuchDayPage.contains(
            "<p class=\"field-error\" id=\"field-day-error\">must be a date (yyyy-mm-dd)</p>"),
        noSuchDayPage);
    HttpResponse<byte[]> otherDesk =
        post(
            browser,
            form,
            "csrf=" + csrf + "&desk=z&day=2026-12-10&people=1&slot=09%3A00&accept=true");
    assertEquals(409, otherDesk.statusCode());
    assertTrue(
        new String(otherDesk.body(), StandardCharsets.UTF_8).contains("沒有這個櫃檯"),
        new String(otherDesk.body(), StandardCharsets.UTF_8));
    assertEquals(before, Database.count(appointments));

    // while the page is open, another citizen takes desk A's 10:00
    long other =
        Long.parseLong(
            Database.rows(
                    "insert into fixture_appointment (site_key, citizen, desk, day, people,"
                        + " created_at) values (?, 'another-citizen', 'a', date '2026-12-10', 1,"
                        + " now()) returning id::text",
                    PlugIns.SITE)
                .get(0)
                .get(0));
    Database.execute(
        "insert into fixture_appointment_slot (site_key, desk, slot, appointment_id)"
            + " values (?, 'a', '10:00', ?)",
        PlugIns.SITE,
        other);

    // nine people, 10:00 ticked, the terms not accepted; the browser's own checks skipped, as an
    // old browser would: the server's messages show
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("document.querySelector('main form').noValidate = true");
    tabTo(browser, "field-people");
    keys(browser, Keys.chord(Keys.CONTROL, "a"), "9");
    tabTo(browser, "field-slot-2");
    assertEquals("10:00", browser.switchTo().activeElement().getAttribute("value"));
    keys(browser, Keys.SPACE);
    assertTrue(browser.findElement(By.id("field-slot-2")).isSelected());
    tabTo(browser, "send");
    keys(browser, Keys.ENTER);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
    assertEquals(
        "must be a whole number from 1 to 5",
        browser.findElement(By.id("field-people-error")).getText());
    assertEquals("must be ticked", browser.findElement(By.id("field-accept-error")).getText());
    assertEquals(
        "\u201c10:00\u201d is not among the choices offered",
        browser.findElement(By.id("field-slot-error")).getText());
    for (String id : List.of("field-people", "field-accept", "field-slot")) {
      assertEquals("true", browser.findElement(By.id(id)).getAttribute("aria-invalid"), id);
    }
    for (String id : List.of("field-people", "field-accept")) {
      assertEquals(id + "-error", browser.findElement(By.id(id)).getAttribute("aria-describedby"));
    }
    // the slots' group names its error
    assertEquals(
        "field-slot-error",
        browser
            .findElement(By.id("field-slot"))
            .findElement(By.xpath("ancestor::fieldset"))
            .getAttribute("aria-describedby"));
    assertEquals(
        List.of("#field-people", "#field-slot", "#field-accept"),
        browser.findElements(By.cssSelector("#error-summary a")).stream()
            .map(a -> URI.create(a.getAttribute("href")).getFragment())
            .map(f -> "#" + f)
            .toList());
    assertEquals("9", browser.findElement(By.id("field-people")).getAttribute("value"));
    assertEquals("2026-12-10", browser.findElement(By.id("field-day")).getAttribute("value"));
    // the taken slot is no longer offered; nothing was stored
    assertEquals(List.of("09:00", "11:00"), offered(browser));
    assertEquals(before, Database.count(appointments));
    assertAccessible(browser);

    // corrected with the keyboard: one person and the arrow up, both free slots, the terms
    tabTo(browser, "field-people");
    keys(browser, Keys.chord(Keys.CONTROL, "a"), "1", Keys.ARROW_UP);
    assertEquals("2", browser.findElement(By.id("field-people")).getAttribute("value"));
    tabTo(browser, "field-slot");
    keys(browser, Keys.SPACE, Keys.TAB, Keys.SPACE);
    assertEquals("field-slot-2", browser.switchTo().activeElement().getAttribute("id"));
    assertTrue(browser.findElement(By.id("field-slot")).isSelected());
    assertTrue(browser.findElement(By.id("field-slot-2")).isSelected());
    tabTo(browser, "field-accept");
    keys(browser, Keys.SPACE);
    assertTrue(browser.findElement(By.id("field-accept")).isSelected());
    tabTo(browser, "send");
    keys(browser, Keys.ENTER);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("received")));
    String received = browser.findElement(By.id("received")).getText();
    Matcher number = Pattern.compile("預約編號 Appointment F-([0-9]+)").matcher(received);
    assertTrue(number.find(), received);
    String id = number.group(1);
    assertEquals(
        List.of(List.of("citizen", "a", "2026-12-10", "2")),
        Database.rows(
            "select citizen, desk, day::text, people::text from fixture_appointment where id = ?",
            Long.parseLong(id)));
    assertEquals(
        List.of(List.of("09:00"), List.of("11:00")),
        Database.rows(
            "select slot from fixture_appointment_slot where appointment_id = ? order by slot",
            Long.parseLong(id)));
    assertEquals(before + 1, Database.count(appointments));
    assertAccessible(browser);

    // desk A is now fully booked: said instead of the form, answered 200
    browser.get(Ports.BASE_URL + form + "?desk=a");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("refusal")));
    assertEquals("A 櫃檯已額滿。", browser.findElement(By.id("refusal")).getText());
    assertEquals(
        200,
        Api.sendBytes(
                HttpRequest.newBuilder(URI.create(Ports.BASE_URL + form + "?desk=a"))
                    .header("Cookie", "JSESSIONID=" + session(browser)))
            .statusCode());
    // desk B in English offers every slot, and the other language keeps the desk
    browser.get(Ports.BASE_URL + form + "?desk=b&lang=en");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("field-day")));
    assertEquals("Appointment", browser.findElement(By.tagName("h1")).getText());
    assertTrue(browser.findElement(By.id("intro")).getText().contains("You are booking desk B."));
    assertEquals(List.of("09:00", "10:00", "11:00"), offered(browser));
    assertTrue(
        browser
            .findElement(By.cssSelector("a[hreflang=zh-Hant-TW]"))
            .getAttribute("href")
            .endsWith("/fixture.appointment?desk=b"),
        browser.findElement(By.cssSelector("a[hreflang=zh-Hant-TW]")).getAttribute("href"));
    assertAccessible(browser);
    browser.get(Ports.BASE_URL + "/account/logout");
  }

  /** The slots the page offers, in its order. */
  private static List<String> offered(WebDriver browser) {
    return browser.findElements(By.name("slot")).stream()
        .map(e -> e.getAttribute("value"))
        .toList();
  }

  /** Presses Tab until {@code id} has the focus (never a click). */
  private static void tabTo(WebDriver browser, String id) {
    for (int i = 0; i < 40; i++) {
      if (id.equals(browser.switchTo().activeElement().getAttribute("id"))) {
        return;
      }
      keys(browser, Keys.TAB);
    }
    throw new AssertionError("Tab never reached #" + id);
  }

  /** Keys pressed where the focus is. */
  private static void keys(WebDriver browser, CharSequence... keys) {
    new Actions(browser).sendKeys(keys).perform();
  }

  private static String session(WebDriver browser) {
    return browser.manage().getCookies().stream()
        .filter(c -> c.getName().equals("JSESSIONID") && "/account".equals(c.getPath()))
        .map(Cookie::getValue)
        .findFirst()
        .orElseThrow();
  }

  /** A post with the browser's session, as another page (or an old browser) could send it. */
  private static HttpResponse<byte[]> post(WebDriver browser, String path, String body) {
    return Api.sendBytes(
        HttpRequest.newBuilder(URI.create(Ports.BASE_URL + path))
            .header("Cookie", "JSESSIONID=" + session(browser))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static void assertAccessible(WebDriver browser) {
    Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(browser);
    assertTrue(results.violationFree(), PublicPageBrowserIT.describe(results.getViolations()));
  }
}
