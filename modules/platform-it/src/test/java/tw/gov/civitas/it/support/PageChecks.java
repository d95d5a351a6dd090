package tw.gov.civitas.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * What every page a person uses must pass: valid HTML (the Nu checker) on top of axe-core's WCAG
 * rules.
 */
public final class PageChecks {

  private PageChecks() {}

  /**
   * The Nu HTML Checker finds no error in the page the browser shows, as the server sends it:
   * fetched again by the browser itself (same session), so only for pages reached by GET that show
   * the same on a second request.
   */
  public static void assertValidHtml(WebDriver browser) {
    Object html =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(location.href, {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done('' + e));");
    assertEquals(List.of(), HtmlChecker.errors(String.valueOf(html)), browser.getCurrentUrl());
  }
}
