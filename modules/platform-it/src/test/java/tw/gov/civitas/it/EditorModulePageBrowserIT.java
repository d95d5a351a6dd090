package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.gov.civitas.it.support.Browser;
import tw.gov.civitas.it.support.Database;
import tw.gov.civitas.it.support.Ports;
import tw.gov.civitas.it.support.TestServices;

/**
 * A plug-in's editor page, described as data by the fixture plug-in and rendered by the editor: linked
 * from the workspace of the site that enables the module, a form whose errors stand next to the
 * field, a table of what was saved, keyboard-usable and free of axe violations up to WCAG 2.2 AA.
 */
@ArquillianTest
class EditorModulePageBrowserIT {

  private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  @Test
  void aWebmasterUsesAPlugInsPageInTheirSitesWorkspace() {
    PlugIns.enableFixture();
    TestServices.keycloak();
    WebDriver browser = Browser.fresh();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get(Ports.BASE_URL + "/editor/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    browser.findElement(By.id("username")).sendKeys("xitun-webmaster");
    browser.findElement(By.id("password")).sendKeys("civitas-dev");
    browser.findElement(By.id("kc-login")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));

    browser.get(Ports.BASE_URL + "/editor/site.xhtml?site=" + PlugIns.SITE);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("module-pages")));
    browser.findElement(By.linkText("公告 Notes")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
    assertEquals("公告", browser.findElement(By.id("page-title")).getText());
    assertAccessible(browser);

    // an empty note: the message stands next to the field, nothing is stored
    long before = Database.count("select count(*) from fixture_note where site_key = ?", PlugIns.SITE);
    browser.findElement(By.id("module-form:save")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ui-message-error")));
    assertTrue(browser.findElement(By.cssSelector(".ui-message-error")).getText().contains("is required"));
    assertEquals(before, Database.count("select count(*) from fixture_note where site_key = ?", PlugIns.SITE));
    assertAccessible(browser);

    String text = "編輯台公告 " + UUID.randomUUID().toString().substring(0, 8);
    browser.findElement(By.id("module-form:fields:0:value")).sendKeys(text);
    browser.findElement(By.id("module-form:save")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rows"), text));
    assertTrue(browser.findElement(By.id("rows")).getText().contains("xitun-webmaster"));
    assertEquals(1, Database.count("select count(*) from audit_event where action = 'fixture.note.create'"
        + " and actor = 'xitun-webmaster' and after_state->>'text' = ?", text));

    // the site that does not enable the module has no such page
    browser.get(Ports.BASE_URL + "/editor/module.xhtml?site=transportation&page=fixture.notes");
    assertTrue(browser.getTitle().contains("Page not found"), browser.getTitle());
    browser.get(Ports.BASE_URL + "/editor/logout");
  }

  private static void assertAccessible(WebDriver browser) {
    Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(browser);
    assertTrue(results.violationFree(), PublicPageBrowserIT.describe(results.getViolations()));
  }
}
