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
      // no script needed: the page is complete without JavaScript
      assertTrue(browser.findElements(By.tagName("script")).isEmpty());
    }
    assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
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
