package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.gov.civitas.it.support.Database;
import tw.gov.civitas.it.support.Ports;

/**
 * The venue booking module's editor pages as an agency's webmaster uses them: a venue added (its
 * mistakes shown next to their fields, nothing stored), a blackout set, a request approved with a
 * message, the month's usage; every screen axe-clean up to WCAG 2.2 AA and valid HTML.
 */
@ArquillianTest
class EditorVenueBookingBrowserIT {

  @Test
  void aWebmasterRunsTheSitesVenuesFromTheEditor() throws IOException {
    Venues.enable();
    WebDriver browser = EditorBrowser.signIn("transportation-webmaster");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get(Ports.BASE_URL + "/editor/site.xhtml?site=" + Venues.SITE);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("module-pages")));
    browser.findElement(By.linkText("場地")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
    assertEquals("場地", browser.findElement(By.id("page-title")).getText());
    EditorBrowser.checkScreen(browser, "booking-venues", true);

    // no name, a capacity that is no number, no terms: each said at its field, nothing stored
    String name = "編輯器場地 " + System.nanoTime();
    long before =
        Database.count("select count(*) from booking_venue where site_key = ?", Venues.SITE);
    type(browser, "venue:capacity", "很多");
    for (int d = 1; d <= 7; d++) {
      type(browser, "venue:day" + d, "08:00-21:00");
    }
    browser.findElement(By.id("venue:save")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("[id='venue:capacity'][aria-invalid=true], .ui-message-error")));
    String page = browser.getPageSource();
    assertTrue(page.contains("請填整數"), "the capacity's message");
    assertEquals(
        before,
        Database.count("select count(*) from booking_venue where site_key = ?", Venues.SITE));
    EditorBrowser.assertAccessible(browser);
    type(browser, "venue:capacity", "40");
    browser.findElement(By.id("venue:save")).click();
    wait.until(d -> d.getPageSource().contains("is required"));
    assertTrue(
        messageAt(browser, "venue:nameZh").contains("is required"),
        "the name's message next to it");
    assertTrue(
        messageAt(browser, "venue:termsZh").contains("is required"),
        "the terms' message next to it");
    assertEquals(
        before,
        Database.count("select count(*) from booking_venue where site_key = ?", Venues.SITE));

    type(browser, "venue:nameZh", name);
    type(browser, "venue:termsZh", "請愛惜場地");
    type(browser, "venue:perSlot", "600");
    browser.findElement(By.id("venue:save")).click();
    wait.until(d -> d.getPageSource().contains("已新增場地"));
    assertEquals(
        List.of(List.of("40", "600", "t")),
        Database.rows(
                "select capacity::text, fee_per_slot::text, approval_required::text from booking_venue where name_zh = ?",
                name)
            .stream()
            .map(r -> List.of(r.get(0), r.get(1), r.get(2).substring(0, 1)))
            .toList());
    long venue =
        Long.parseLong(
            Database.rows("select id::text from booking_venue where name_zh = ?", name)
                .get(0)
                .get(0));

    // its blackouts: a range and a reason
    WebElement row =
        browser.findElements(By.cssSelector("[id='venues:list'] tbody tr")).stream()
            .filter(r -> r.getText().contains(name))
            .findFirst()
            .orElseThrow();
    row.findElement(By.cssSelector("button[id$=':edit']")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("blackout:start")));
    String day = Venues.today().plusDays(20).toString();
    type(browser, "blackout:start", day + "T08:00");
    type(browser, "blackout:end", day + "T12:00");
    type(browser, "blackout:reason", "地板整修");
    browser.findElement(By.id("blackout:add")).click();
    wait.until(d -> d.getPageSource().contains("已設定暫停開放"));
    assertEquals(
        1,
        Database.count(
            "select count(*) from booking_blackout where venue_id = ? and reason = '地板整修'", venue));
    EditorBrowser.checkScreen(browser, "booking-venue-edit", true);

    // a citizen's request, approved with a message
    String number =
        tw.gov.civitas.it.support.Api.json(
                Venues.book(Venues.SITE, "citizen", venue, Venues.at(6, 8), Venues.at(6, 12)))
            .getString("number");
    browser.get(Ports.BASE_URL + "/editor/site.xhtml?site=" + Venues.SITE);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("module-pages")));
    browser.findElement(By.linkText("場地預約申請")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("requests:list")));
    EditorBrowser.checkScreen(browser, "booking-requests", true);
    WebElement request =
        browser.findElements(By.cssSelector("[id='requests:list'] tbody tr")).stream()
            .filter(r -> r.getText().contains(number))
            .findFirst()
            .orElseThrow(() -> new AssertionError(number + " is not listed"));
    WebElement message = request.findElement(By.cssSelector("input[id$=':message']"));
    message.sendKeys("請提前十分鐘報到");
    request.findElement(By.cssSelector("button[id$=':approve']")).click();
    wait.until(d -> d.getPageSource().contains("已更新 " + number));
    assertEquals(
        List.of(List.of("approved", "請提前十分鐘報到")),
        Database.rows("select state, message from booking where number = ?", number));

    browser.get(Ports.BASE_URL + "/editor/site.xhtml?site=" + Venues.SITE);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("module-pages")));
    browser.findElement(By.linkText("場地使用統計")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("usage")));
    EditorBrowser.checkScreen(browser, "booking-report", true);
    type(browser, "report:month", "December");
    browser.findElement(By.id("report:show")).click();
    wait.until(d -> d.getPageSource().contains("月份格式為"));
    EditorBrowser.assertAccessible(browser);
  }

  private static void type(WebDriver browser, String id, String text) {
    WebElement input = browser.findElement(By.id(id));
    input.clear();
    input.sendKeys(text);
  }

  /** The message Faces put next to a field (PrimeFaces' message for it). */
  private static String messageAt(WebDriver browser, String id) {
    return browser
        .findElements(
            By.cssSelector("[id='" + id + "'] ~ .ui-message, [id='" + id + "'] + .ui-message"))
        .stream()
        .map(WebElement::getText)
        .findFirst()
        .orElse("");
  }
}
