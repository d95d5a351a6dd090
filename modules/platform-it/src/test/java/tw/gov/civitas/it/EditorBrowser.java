package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.gov.civitas.it.support.Browser;
import tw.gov.civitas.it.support.Database;
import tw.gov.civitas.it.support.Ports;
import tw.gov.civitas.it.support.TestServices;

/** The editor in the shared Chromium, as the plug-in page tests use it. */
final class EditorBrowser {

  private static final List<String> WCAG_TAGS =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  private EditorBrowser() {}

  /**
   * A fresh browser session, signed in to the editor as a demo user through the real Keycloak login
   * page.
   */
  static WebDriver signIn(String user) {
    return signIn(Browser.fresh(), user);
  }

  /** The same, in a browser of the caller's (a second person's, from {@link Browser#another}). */
  static WebDriver signIn(WebDriver browser, String user) {
    TestServices.keycloak();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get(Ports.BASE_URL + "/editor/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys("civitas-dev");
    browser.findElement(By.id("kc-login")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
    return browser;
  }

  /**
   * The webmaster of the site that enables the fixture plug-in, signed in, follows a link of the
   * site's workspace to a module page; the page's title is its {@code <h1>}.
   */
  static WebDriver openFromWorkspace(String link, String title) {
    PlugIns.enableFixture();
    WebDriver browser = signIn("xitun-webmaster");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get(Ports.BASE_URL + "/editor/site.xhtml?site=" + PlugIns.SITE);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("module-pages")));
    browser.findElement(By.linkText(link)).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
    assertEquals(title, browser.findElement(By.id("page-title")).getText());
    return browser;
  }

  /** No axe-core violation of WCAG 2.0, 2.1 and 2.2 A and AA on the page shown. */
  /** axe-core, the Nu checker (for pages reached by GET) and a screenshot of the screen shown. */
  static void checkScreen(WebDriver browser, String name, boolean validate) throws IOException {
    EditorBrowser.assertAccessible(browser);
    if (validate) {
      tw.gov.civitas.it.support.PageChecks.assertValidHtml(browser);
    }
    Files.createDirectories(Path.of("target", "screenshots"));
    Files.write(
        Path.of("target", "screenshots").resolve("editor-" + name + ".png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    // the page's weight: its document and every stylesheet, script and image it links, fetched
    // again past the browser's cache, in bytes as they travel (encodedBodySize: compressed where
    // the
    // server compresses)
    Object weight =
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "const urls = [location.href].concat("
                    + "Array.from(document.querySelectorAll('link[rel=stylesheet]')).map(l => l.href),"
                    + "Array.from(document.querySelectorAll('script[src]')).map(s => s.src),"
                    + "Array.from(document.querySelectorAll('img[src]')).map(i => i.src));"
                    + "Promise.all(urls.map(u => fetch(u, {credentials: 'same-origin', cache: 'no-store'})"
                    + ".then(r => r.arrayBuffer()).then(b => {"
                    + " const t = performance.getEntriesByName(new URL(u, location.href).href).pop();"
                    + " return t && t.encodedBodySize ? t.encodedBodySize : b.byteLength; }, () => 0)))"
                    + ".then(sizes => done(urls.length + ' files, ' + sizes.reduce((a, b) => a + b, 0) + ' bytes'));");
    Files.writeString(
        Path.of("target", "editor-page-weights.txt"),
        name + "\t" + weight + "\n",
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
  }

  static void assertAccessible(WebDriver browser) {
    Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(browser);
    assertTrue(results.violationFree(), PublicPageBrowserIT.describe(results.getViolations()));
  }

  /**
   * An empty note sent with {@code submit}: the service's message stands next to the field, nothing
   * is stored.
   */
  static void assertEmptyNoteRefused(WebDriver browser, By submit) {
    long before =
        Database.count("select count(*) from fixture_note where site_key = ?", PlugIns.SITE);
    browser.findElement(submit).click();
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ui-message-error")));
    assertTrue(
        browser.findElement(By.cssSelector(".ui-message-error")).getText().contains("is required"));
    assertEquals(
        before,
        Database.count("select count(*) from fixture_note where site_key = ?", PlugIns.SITE));
    assertAccessible(browser);
  }
}
