package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.gov.civitas.it.support.Browser;
import tw.gov.civitas.it.support.Database;
import tw.gov.civitas.it.support.Eventually;
import tw.gov.civitas.it.support.PageChecks;
import tw.gov.civitas.it.support.Ports;
import tw.gov.civitas.it.support.TestServices;

/**
 * A citizen books a venue's slot from its public calendar to the confirmation with the keyboard
 * alone (Tab, Space, Enter; never a click), and the venue pages and the booking form have no
 * axe-core violation (WCAG 2.2 AA) and valid HTML.
 */
@ArquillianTest
class VenueBookingBrowserIT {

  private static final List<String> WCAG_TAGS =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  @Test
  void aCitizenBooksASlotWithTheKeyboardAlone() {
    Venues.enable();
    TestServices.keycloak();
    long venue = Venues.create(Venues.SITE, Venues.hourly("鍵盤預約場地", "{}", false));
    LocalDate day = Venues.today().plusDays(10);
    LocalDate monday = day.with(DayOfWeek.MONDAY);
    String slotStart = day.atTime(14, 0).atZone(Venues.TAIPEI).toInstant().toString();
    WebDriver browser = Browser.fresh();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

    browser.get(Ports.BASE_URL + "/sites/" + Venues.SITE + "/online/booking/venues");
    assertAccessible(browser);
    PageChecks.assertValidHtml(browser);
    browser.get(
        Ports.BASE_URL
            + "/sites/"
            + Venues.SITE
            + "/online/booking/venue/"
            + venue
            + "?week="
            + monday);
    assertEquals("鍵盤預約場地", browser.findElement(By.tagName("h1")).getText());
    assertAccessible(browser);
    PageChecks.assertValidHtml(browser);

    // Tab from the top of the page to the 14:00 slot of the day, then Enter
    for (int i = 0; i < 400; i++) {
      String href = browser.switchTo().activeElement().getAttribute("href");
      if (href != null && href.contains("slot=" + slotStart)) {
        break;
      }
      keys(browser, Keys.TAB);
    }
    String href = browser.switchTo().activeElement().getAttribute("href");
    assertTrue(href != null && href.contains("slot=" + slotStart), "Tab reached the slot: " + href);
    keys(browser, Keys.ENTER);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    browser.findElement(By.id("username")).sendKeys("citizen");
    browser.findElement(By.id("password")).sendKeys("civitas-dev", Keys.ENTER);
    wait.until(d -> d.getCurrentUrl().startsWith(Ports.BASE_URL + "/account/"));
    if (browser.findElements(By.id("field-applicantName")).isEmpty()) {
      browser.get(href); // back to the form the link named
    }
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("field-applicantName")));
    assertTrue(browser.findElement(By.id("intro")).getText().contains("鍵盤預約場地"));
    assertAccessible(browser);
    PageChecks.assertValidHtml(browser);
    // the slot clicked is chosen already
    assertTrue(
        browser.findElements(By.name("slots")).stream()
            .anyMatch(e -> e.isSelected() && e.getAttribute("value").startsWith(slotStart)),
        "the slot from the calendar is ticked");

    tabTo(browser, "field-applicantName");
    keys(browser, "林美玲");
    tabTo(browser, "field-phone");
    keys(browser, "04-2222-3333");
    tabTo(browser, "field-purpose");
    keys(browser, "社區讀書會");
    tabTo(browser, "field-attendees");
    keys(browser, Keys.chord(Keys.CONTROL, "a"), "12");
    tabTo(browser, "field-accept");
    keys(browser, Keys.SPACE);
    tabTo(browser, "send");
    keys(browser, Keys.ENTER);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("received")));
    String received = browser.findElement(By.id("received")).getText();
    Matcher number = Pattern.compile("(B-\\d{8}-\\d+)").matcher(received);
    assertTrue(number.find(), received);
    assertAccessible(browser);
    assertEquals(
        List.of(List.of("citizen", "林美玲", "12", "confirmed", "250")),
        Database.rows(
            "select applicant, applicant_name, attendees::text, state, fee::text from booking where number = ?",
            number.group(1)));
    // the confirmation mail names the booking and its calendar file
    Eventually.until(
        "the confirmation mail",
        Duration.ofSeconds(20),
        () ->
            Arrays.stream(TestServices.mail().getReceivedMessages())
                .anyMatch(
                    m -> {
                      try {
                        String text = m.getContent().toString();
                        return text.contains(number.group(1))
                            && text.contains("calendar.ics?key=")
                            && text.contains("/account/payments/sandbox/");
                      } catch (Exception e) {
                        return false;
                      }
                    }));
    // the confirmation mail links the sandbox's payment page: paid there by the keyboard
    String payment =
        Database.rows("select payment_id from booking where number = ?", number.group(1))
            .get(0)
            .get(0);
    browser.get(Ports.BASE_URL + "/account/payments/sandbox/" + payment);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pay")));
    assertEquals("NT$250", browser.findElement(By.id("amount")).getText());
    assertAccessible(browser);
    PageChecks.assertValidHtml(browser);
    tabTo(browser, "pay");
    keys(browser, Keys.ENTER);
    wait.until(ExpectedConditions.textToBe(By.id("state"), "已付款"));
    assertEquals(
        List.of(List.of("paid", "250")),
        Database.rows(
            "select state, paid_amount::text from booking where number = ?", number.group(1)));
    // and the calendar shows the slot taken
    browser.get(
        Ports.BASE_URL
            + "/sites/"
            + Venues.SITE
            + "/online/booking/venue/"
            + venue
            + "?week="
            + monday);
    assertTrue(
        browser.findElements(By.cssSelector("a[href*='slot=" + slotStart + "']")).isEmpty(),
        "the booked slot is no longer offered");
    // and cancels it from 我的預約, linked from the venue's page, still by the keyboard
    String mine = browser.findElement(By.partialLinkText("我的預約")).getAttribute("href");
    browser.get(mine);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("intro")));
    assertTrue(browser.findElement(By.id("intro")).getText().contains(number.group(1)));
    assertAccessible(browser);
    PageChecks.assertValidHtml(browser);
    // a radio group is one tab stop: Tab into it, then the arrow keys choose (and tick)
    for (int i = 0;
        i < 60 && !"booking".equals(browser.switchTo().activeElement().getAttribute("name"));
        i++) {
      keys(browser, Keys.TAB);
    }
    for (int i = 0;
        i < 200
            && !number.group(1).equals(browser.switchTo().activeElement().getAttribute("value"));
        i++) {
      keys(browser, Keys.ARROW_DOWN);
    }
    assertEquals(number.group(1), browser.switchTo().activeElement().getAttribute("value"));
    keys(browser, Keys.SPACE);
    assertTrue(browser.switchTo().activeElement().isSelected());
    tabTo(browser, "field-reason");
    keys(browser, "改期");
    tabTo(browser, "send");
    keys(browser, Keys.ENTER);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("received")));
    assertTrue(browser.findElement(By.id("received")).getText().contains("已取消預約"));
    assertEquals(
        List.of(List.of("cancelled", "改期")),
        Database.rows("select state, message from booking where number = ?", number.group(1)));
    browser.get(Ports.BASE_URL + "/account/logout");
  }

  /** Presses Tab until {@code id} has the focus (never a click). */
  private static void tabTo(WebDriver browser, String id) {
    for (int i = 0; i < 60; i++) {
      if (id.equals(browser.switchTo().activeElement().getAttribute("id"))) {
        return;
      }
      keys(browser, Keys.TAB);
    }
    throw new AssertionError("Tab never reached #" + id);
  }

  private static void keys(WebDriver browser, CharSequence... keys) {
    new Actions(browser).sendKeys(keys).perform();
  }

  private static void assertAccessible(WebDriver browser) {
    Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(browser);
    assertTrue(results.violationFree(), PublicPageBrowserIT.describe(results.getViolations()));
  }
}
