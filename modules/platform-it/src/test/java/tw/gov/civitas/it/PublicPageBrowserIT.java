package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.gov.civitas.it.support.Browser;
import tw.gov.civitas.it.support.Ports;

/**
 * A citizen's view of a published page, in a real headless Chromium, checked by axe-core up to WCAG
 * 2.2 AA.
 */
@ArquillianTest
class PublicPageBrowserIT {

  private static final List<String> WCAG_TAGS =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  @Test
  void aPublishedPageMeetsTaiwanAccessibilityRulesInBothLanguages() {
    String slug = ContentSliceIT.createAndPublish("transportation-webmaster", "transportation");
    WebDriver browser = Browser.fresh();
    for (String query : List.of("", "?lang=en")) {
      browser.get(Ports.BASE_URL + "/sites/transportation/" + slug + query);
      Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(browser);
      assertTrue(results.violationFree(), describe(results.getViolations()));
      // Taiwan's 無障礙規範: ":::" accesskey anchors for the upper, centre and lower blocks
      for (String key : List.of("U", "C", "Z")) {
        WebElement anchor = browser.findElement(By.id(key));
        assertEquals(":::", anchor.getText());
        assertEquals(key, anchor.getAttribute("accesskey"));
      }
      assertCompleteWithoutScripts("/sites/transportation/" + slug + query);
    }
    assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
  }

  /**
   * No script is needed: the server's HTML holds the whole content, every script only adds
   * behaviour (deferred, from this origin), and the controls that need one stay hidden without it.
   */
  static void assertCompleteWithoutScripts(String path) {
    org.jsoup.nodes.Document html =
        org.jsoup.Jsoup.parse(tw.gov.civitas.it.support.Api.get(path).body());
    assertTrue(html.select("main h1").hasText(), path);
    for (org.jsoup.nodes.Element script : html.select("script")) {
      assertTrue(script.hasAttr("defer") && script.attr("src").startsWith("/"), script.outerHtml());
    }
    for (org.jsoup.nodes.Element needsScript :
        html.select("[data-display-tools], .nav-toggle, [data-carousel-controls]")) {
      assertTrue(needsScript.hasAttr("hidden"), needsScript.outerHtml());
    }
    assertTrue(html.select("html").hasClass("no-js"), "styles for a page without scripts");
  }

  @Test
  void thePortalListsEveryAgencyAndMeetsTheSameRules() {
    WebDriver browser = Browser.fresh();
    for (String query : List.of("", "?lang=en")) {
      browser.get(Ports.BASE_URL + "/" + query);
      Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(browser);
      assertTrue(results.violationFree(), describe(results.getViolations()));
      assertTrue(browser.findElements(By.cssSelector(".site-list a")).size() >= 59);
    }
    browser.findElement(By.linkText("Xitun District Office")).click();
    assertTrue(
        browser.getCurrentUrl().endsWith("/sites/xitun-district/?lang=en"),
        browser.getCurrentUrl());
  }

  @Test
  void theFirstTabReachesTheSkipLinkWhichJumpsToTheContent() {
    String slug = ContentSliceIT.createAndPublish("transportation-webmaster", "transportation");
    WebDriver browser = Browser.fresh();
    browser.get(Ports.BASE_URL + "/sites/transportation/" + slug);
    browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    WebElement focused = browser.switchTo().activeElement();
    assertEquals("跳到主要內容區塊", focused.getText());
    assertTrue(focused.isDisplayed(), "the skip link becomes visible on focus");
    focused.sendKeys(Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlContains("#C"));
  }

  static String describe(List<Rule> violations) {
    return violations.stream()
        .map(
            v ->
                v.getId()
                    + " ("
                    + v.getImpact()
                    + "): "
                    + v.getHelp()
                    + " at "
                    + v.getNodes().stream()
                        .map(n -> n.getTarget().toString())
                        .collect(Collectors.joining(", ")))
        .collect(Collectors.joining("\n"));
  }
}
