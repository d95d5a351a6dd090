package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.gov.civitas.it.support.Database;
import tw.gov.civitas.it.support.Ports;

/**
 * A plug-in's editor page, described as data by the fixture plug-in and rendered by the editor:
 * linked from the workspace of the site that enables the module, a form whose errors stand next to
 * the field, a table of what was saved, keyboard-usable and free of axe violations up to WCAG 2.2
 * AA.
 */
@ArquillianTest
class EditorModulePageBrowserIT {

  @Test
  void aWebmasterUsesAPlugInsPageInTheirSitesWorkspace() {
    WebDriver browser = EditorBrowser.openFromWorkspace("公告", "公告");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    EditorBrowser.assertAccessible(browser);
    tw.gov.civitas.it.support.PageChecks.assertValidHtml(browser);

    EditorBrowser.assertEmptyNoteRefused(browser, By.id("module-form:save"));

    String text = "編輯台公告 " + UUID.randomUUID().toString().substring(0, 8);
    browser.findElement(By.id("module-form:fields:0:value")).sendKeys(text);
    browser.findElement(By.id("module-form:save")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rows"), text));
    assertTrue(browser.findElement(By.id("rows")).getText().contains("xitun-webmaster"));
    assertEquals(
        1,
        Database.count(
            "select count(*) from audit_event where action = 'fixture.note.create'"
                + " and actor = 'xitun-webmaster' and after_state->>'text' = ?",
            text));
    assertTrue(browser.findElement(By.id("module-form:messages")).getText().contains("已儲存"));
    EditorBrowser.assertAccessible(browser);

    // the site that does not enable the module has no such page
    browser.get(Ports.BASE_URL + "/editor/module.xhtml?site=transportation&page=fixture.notes");
    assertTrue(browser.getTitle().contains("Page not found"), browser.getTitle());
    browser.get(Ports.BASE_URL + "/editor/logout");
  }
}
