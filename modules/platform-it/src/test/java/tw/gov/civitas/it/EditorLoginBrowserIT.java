package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Browser;
import tw.gov.civitas.it.support.Ports;
import tw.gov.civitas.it.support.TestServices;

/**
 * A webmaster signs in to the editor through the real Keycloak login page (authorization code with
 * PKCE), works on their own site, is refused another agency's, and signs out everywhere.
 */
@ArquillianTest
class EditorLoginBrowserIT {

  private static void signIn(WebDriver browser, WebDriverWait wait, String user) {
    browser.get(Ports.BASE_URL + "/editor/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    assertTrue(
        browser.getCurrentUrl().startsWith(TestServices.keycloak().issuer()),
        browser.getCurrentUrl());
    assertTrue(
        browser.getCurrentUrl().contains("code_challenge_method=S256"),
        "PKCE: " + browser.getCurrentUrl());
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys("civitas-dev");
    browser.findElement(By.id("kc-login")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
  }

  @Test
  void aWebmasterWorksOnTheirSiteIsRefusedAnotherAndSignsOutEverywhere() throws Exception {
    TestServices.keycloak();
    WebDriver browser = Browser.fresh();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    signIn(browser, wait, "transportation-webmaster");
    assertTrue(
        browser.getCurrentUrl().startsWith(Ports.BASE_URL + "/editor/"), browser.getCurrentUrl());
    assertTrue(
        browser.findElement(By.id("signed-in")).getText().contains("transportation-webmaster"));
    String sites = browser.findElement(By.id("sites")).getText();
    // the role in the screen's language (zh-TW by default)
    assertTrue(sites.contains("transportation") && sites.contains("網站管理者"), sites);
    assertFalse(sites.contains("xitun-district"), sites);
    tw.gov.civitas.it.support.PageChecks.assertValidHtml(browser);

    // their own site: its content and the audit trail
    String slug = ContentSliceIT.createAndPublish("transportation-webmaster", "transportation");
    // and a write by the site's editor, for the audit filter below (whichever tests ran before)
    assertEquals(
        201,
        tw.gov.civitas.it.support.Api.post(
                "/api/v1/manage/sites/transportation/content",
                "{\"type\": \"news\", \"slug\": \"login-"
                    + java.util.UUID.randomUUID().toString().substring(0, 8)
                    + "\", \"fields\": {\"title\": \"編輯者的草稿\"}}",
                tw.gov.civitas.it.support.Api.bearer("transportation-editor"))
            .statusCode());
    browser.get(Ports.BASE_URL + "/editor/site.xhtml?site=transportation");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("items")));
    String items = browser.findElement(By.id("items")).getText();
    assertTrue(items.contains(slug) && items.contains("已發布"), items);
    tw.gov.civitas.it.support.PageChecks.assertValidHtml(browser);
    assertTrue(
        browser.findElement(By.id("audit")).getText().contains("content."),
        "the audit table lists the content changes of the other tests");
    browser.findElement(By.id("audit-search:actor")).sendKeys("transportation-editor");
    browser.findElement(By.id("audit-search:search")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit")));
    String filtered = browser.findElement(By.id("audit")).getText();
    assertTrue(
        filtered.contains("transportation-editor")
            && !filtered.contains("transportation-webmaster"),
        filtered);

    // who holds which role (read from Keycloak): the identity module's page, described as data like
    // a plug-in's
    browser.findElement(By.linkText("角色")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rows")));
    String holders = browser.findElement(By.id("rows")).getText();
    assertTrue(
        holders.contains("transportation-webmaster") && holders.contains("transportation-editor"),
        holders);
    assertFalse(holders.contains("xitun-webmaster"), holders);
    EditorBrowser.assertAccessible(browser);
    tw.gov.civitas.it.support.PageChecks.assertValidHtml(browser);
    browser.get(Ports.BASE_URL + "/editor/site.xhtml?site=transportation");

    // the CSV export, with the browser's session
    String session =
        browser.manage().getCookies().stream()
            .filter(c -> c.getName().equals("JSESSIONID"))
            .map(Cookie::getValue)
            .findFirst()
            .orElseThrow();
    HttpResponse<byte[]> csv =
        Api.sendBytes(
            HttpRequest.newBuilder(
                    URI.create(Ports.BASE_URL + "/editor/audit.csv?site=transportation"))
                .header("Cookie", "JSESSIONID=" + session)
                .GET());
    assertEquals(200, csv.statusCode());
    assertArrayEquals(
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv.body(), 3));
    assertTrue(new String(csv.body(), StandardCharsets.UTF_8).contains("content.create"));
    assertEquals(
        403,
        Api.sendBytes(
                HttpRequest.newBuilder(
                        URI.create(Ports.BASE_URL + "/editor/audit.csv?site=xitun-district"))
                    .header("Cookie", "JSESSIONID=" + session)
                    .GET())
            .statusCode());

    // a form post the editor never issued (forged from another site): refused, nothing runs
    HttpResponse<byte[]> forged =
        Api.sendBytes(
            HttpRequest.newBuilder(
                    URI.create(Ports.BASE_URL + "/editor/site.xhtml?site=transportation"))
                .header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "audit-search=audit-search&audit-search%3Aactor=x"
                            + "&audit-search%3Asearch=&jakarta.faces.ViewState=-1234567890%3A987654321")));
    assertEquals(403, forged.statusCode());

    // another agency's site: refused, whatever link was followed
    browser.get(Ports.BASE_URL + "/editor/site.xhtml?site=xitun-district");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("forbidden")));

    // sign out: the editor session and Keycloak's single sign-on session both end
    browser.get(Ports.BASE_URL + "/editor/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
    browser.findElement(By.id("logout")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-out")));
    browser.get(Ports.BASE_URL + "/editor/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    assertTrue(
        browser.getCurrentUrl().startsWith(TestServices.keycloak().issuer()),
        "signing in again asks for the password: " + browser.getCurrentUrl());
  }
}
