package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Database;
import tw.gov.civitas.it.support.Ports;

/**
 * The digital bureau's screen, as a platform administrator uses it: the agencies and their sites, a
 * new site from a site template (refused with field messages first), and the module registry.
 */
@ArquillianTest
class EditorPlatformAdminBrowserIT {

  private static final String EDITOR = Ports.BASE_URL + "/editor/";

  private static WebDriverWait waiting(WebDriver browser) {
    return new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @Test
  void aPlatformAdministratorCreatesADistrictSiteFromItsTemplate() throws IOException {
    WebDriver browser = EditorBrowser.signIn("platform-admin");
    browser.get(EDITOR);
    waiting(browser).until(ExpectedConditions.elementToBeClickable(By.id("admin-link"))).click();
    waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("new-site:create")));
    // every site of the demo is listed with its agency; the registry lists the core and the plug-in
    assertTrue(browser.findElement(By.id("site-transportation")).getText().contains("交通局"));
    assertTrue(browser.findElement(By.id("module-core")).getText().contains("運作中"));
    assertTrue(
        browser.findElement(By.id("module-fixture")).getText().contains("第 3 版"),
        browser.findElement(By.id("module-fixture")).getText());
    assertTrue(
        browser.findElement(By.id("module-booking")).getText().contains("運作中"),
        "the venue booking module runs: " + browser.findElement(By.id("module-booking")).getText());
    EditorBrowser.checkScreen(browser, "admin", true);

    long sites = Database.count("select count(*) from site");
    browser.findElement(By.id("new-site:key")).sendKeys("Not A Key");
    browser.findElement(By.id("new-site:create")).click();
    waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
    assertEquals("須為 1 至 64 個小寫英文字母、數字或連字號", browser.findElement(By.id("key-error")).getText());
    assertFalse(browser.findElement(By.id("nameZh-error")).getText().isBlank());
    EditorBrowser.checkScreen(browser, "admin-invalid", false);
    assertEquals(sites, Database.count("select count(*) from site"));

    String key = "district-" + UUID.randomUUID().toString().substring(0, 8);
    browser.findElement(By.id("new-site:key")).clear();
    browser.findElement(By.id("new-site:key")).sendKeys(key);
    browser.findElement(By.id("new-site:nameZh")).sendKeys("測試區公所");
    browser.findElement(By.id("new-site:nameEn")).sendKeys("Test District Office");
    new Select(browser.findElement(By.id("new-site:template"))).selectByValue("district-office");
    browser.findElement(By.id("new-site:create")).click();
    waiting(browser)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "測試區公所"));
    assertTrue(browser.findElement(By.id("site-" + key)).isDisplayed());

    HttpResponse<String> made =
        Api.get("/api/v1/manage/sites/" + key, Api.bearer("platform-admin"));
    assertEquals(200, made.statusCode(), made.body());
    JsonObject settings = Api.json(made);
    assertEquals("測試區公所", settings.getJsonObject("name").getString("zh-TW"));
    // the district template's pages are public at once
    assertEquals(200, Api.get("/sites/" + key + "/").statusCode());
    assertEquals(1, Database.count("select count(*) from agency where slug = ?", key));

    // the same key again: a message at the key, no second site
    browser.findElement(By.id("new-site:key")).sendKeys(key);
    browser.findElement(By.id("new-site:nameZh")).sendKeys("重複");
    browser.findElement(By.id("new-site:create")).click();
    waiting(browser).until(ExpectedConditions.textToBe(By.id("key-error"), "已是其他網站的代碼"));
    assertEquals(1, Database.count("select count(*) from site where site_key = ?", key));
  }

  @Test
  void aSiteWebmasterIsRefusedThePlatformScreen() {
    WebDriver browser = EditorBrowser.signIn("transportation-webmaster");
    browser.get(EDITOR);
    waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
    assertTrue(browser.findElements(By.id("admin-link")).isEmpty());
    browser.get(EDITOR + "admin.xhtml");
    assertTrue(
        browser.findElements(By.id("new-site:create")).isEmpty(),
        "the platform screen is not for a site's webmaster");
  }
}
