package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Browser;
import tw.gov.civitas.it.support.Database;
import tw.gov.civitas.it.support.Ports;
import tw.gov.civitas.it.support.TestServices;

/**
 * A plug-in's citizen form (the fixture's petition), rendered by the platform on the account pages:
 * the citizen signs in once, errors stand next to their field, the form is received once, a post
 * without the page's CSRF token is refused, and the page meets WCAG 2.2 AA with the ::: anchors.
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

  private static void assertAccessible(WebDriver browser) {
    Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(browser);
    assertTrue(results.violationFree(), PublicPageBrowserIT.describe(results.getViolations()));
  }
}
