package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Browser;
import tw.gov.civitas.it.support.Ports;

/**
 * Every page type of every theme (a site made from each template: bureau → agency theme, district
 * office → civic, event portal → festival), at a phone's 375 px and a desktop's 1280 px, in a real
 * headless Chromium: axe-core finds no violation up to WCAG 2.2 AA, and a screenshot of each is
 * written under {@code target/screenshots} for a reviewer. Then the keyboard: Tab reaches the skip
 * link first and the {@code :::} anchors in order; the menu, the carousel and the FAQ accordion
 * work without a mouse.
 */
@ArquillianTest
class PublicSitesBrowserIT {

  private static final List<String> WCAG_TAGS =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
  private static final Path SHOTS = Path.of("target", "screenshots");
  private static final Map<String, String> THEMES =
      Map.of("bureau", "agency", "district-office", "civic", "event-portal", "festival");

  @Test
  void everyPageTypeOfEveryThemeMeetsWcag22AaAtPhoneAndDesktopWidths() throws Exception {
    Files.createDirectories(SHOTS);
    WebDriver browser = Browser.fresh();
    List<String> violations = new ArrayList<>();
    try {
      for (String template : List.of("bureau", "district-office", "event-portal")) {
        String site = siteFrom(template);
        Map<String, String> items = SiteTemplatesIT.publishOneOfEachType(site);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/sites/" + site + "/");
        pages.put("home-en", "/sites/" + site + "/?lang=en");
        pages.put("list", "/sites/" + site + "/list/news");
        pages.put("list-faq", "/sites/" + site + "/list/faq");
        pages.put("list-error", "/sites/" + site + "/list/event?from=2026-13-40");
        pages.put("search", "/sites/" + site + "/search?q=" + enc("颱風"));
        pages.put("site-map", "/sites/" + site + "/site-map");
        pages.put("page", "/sites/" + site + "/about");
        pages.put("not-found", "/sites/" + site + "/no-such-page");
        items.forEach((type, slug) -> pages.put(type, "/sites/" + site + "/" + slug));
        if (!"event-portal".equals(template)) {
          pages.put("section", "/sites/" + site + "/services");
        }
        for (int width : List.of(375, 1280)) {
          browser.manage().window().setSize(new Dimension(width, 900));
          for (var page : pages.entrySet()) {
            browser.get(Ports.BASE_URL + page.getValue());
            assertEquals(
                THEMES.get(template),
                browser.findElement(By.tagName("body")).getAttribute("class").replace("theme-", ""),
                page.getValue());
            Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(browser);
            results
                .getViolations()
                .forEach(
                    v ->
                        violations.add(
                            template
                                + " "
                                + page.getKey()
                                + " @"
                                + width
                                + ": "
                                + v.getId()
                                + " "
                                + v.getNodes().stream()
                                    .map(n -> String.valueOf(n.getTarget()))
                                    .collect(Collectors.joining(", "))));
            Files.write(
                SHOTS.resolve(THEMES.get(template) + "-" + page.getKey() + "-" + width + ".png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
          }
        }
      }
    } finally {
      browser.manage().window().setSize(new Dimension(1280, 900));
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void theKeyboardReachesTheSkipLinkFirstThenTheAnchorsAndWorksTheMenuCarouselAndAccordion()
      throws Exception {
    String site = siteFrom("bureau");
    Map<String, String> items = SiteTemplatesIT.publishOneOfEachType(site);
    publishSecondBanner(site);
    WebDriver browser = Browser.fresh();
    browser.manage().window().setSize(new Dimension(1280, 900));
    browser.get(Ports.BASE_URL + "/sites/" + site + "/");

    // Tab order: the skip link first, then U, C, L and Z in this order
    List<String> reached = new ArrayList<>();
    WebElement body = browser.findElement(By.tagName("body"));
    body.sendKeys(Keys.TAB);
    for (int i = 0; i < 200 && reached.size() < 5; i++) {
      WebElement focused = browser.switchTo().activeElement();
      String marker =
          focused.getAttribute("class").contains("skip-link") ? "skip" : focused.getAttribute("id");
      if (List.of("skip", "U", "C", "L", "Z").contains(marker) && !reached.contains(marker)) {
        reached.add(marker);
      }
      if (i == 0) {
        assertEquals("skip", marker, "the first Tab stop is the skip link");
      }
      focused.sendKeys(Keys.TAB);
    }
    assertEquals(List.of("skip", "U", "C", "L", "Z"), reached);

    // the skip link moves focus to the content
    browser.get(Ports.BASE_URL + "/sites/" + site + "/");
    browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);
    assertTrue(browser.getCurrentUrl().endsWith("#C"), browser.getCurrentUrl());

    // a submenu opens from its button with the keyboard and Escape closes it, focus back on it
    WebElement toggle = browser.findElement(By.cssSelector(".has-submenu .submenu-toggle"));
    WebElement submenu = browser.findElement(By.id(toggle.getAttribute("aria-controls")));
    focus(browser, toggle);
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    assertEquals("true", toggle.getAttribute("aria-expanded"));
    assertTrue(submenu.findElement(By.tagName("a")).isDisplayed(), "submenu shown");
    new Actions(browser).sendKeys(Keys.ESCAPE).perform();
    assertEquals("false", toggle.getAttribute("aria-expanded"));
    assertEquals(toggle, browser.switchTo().activeElement());

    // on a phone the menu sits behind its button
    browser.manage().window().setSize(new Dimension(375, 800));
    browser.get(Ports.BASE_URL + "/sites/" + site + "/");
    WebElement navToggle = browser.findElement(By.cssSelector(".nav-toggle"));
    assertTrue(navToggle.isDisplayed());
    WebElement firstEntry = browser.findElement(By.cssSelector("#main-menu > li > a"));
    assertFalse(firstEntry.isDisplayed(), "the phone menu starts closed");
    focus(browser, navToggle);
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    assertEquals("true", navToggle.getAttribute("aria-expanded"));
    assertTrue(firstEntry.isDisplayed(), "the phone menu opens from the keyboard");
    browser.manage().window().setSize(new Dimension(1280, 900));

    // the carousel: its controls appear with the script; pause, then next, by keyboard
    browser.get(Ports.BASE_URL + "/sites/" + site + "/");
    WebElement pause = browser.findElement(By.cssSelector("[data-carousel-pause]"));
    assertTrue(pause.isDisplayed());
    String pauseLabel = pause.getText();
    focus(browser, pause);
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    assertNotEquals(pauseLabel, pause.getText(), "the pause button now offers to play");
    List<WebElement> slides = browser.findElements(By.cssSelector(".carousel-slide"));
    assertEquals(2, slides.size());
    int shown = slides.get(0).isDisplayed() ? 0 : 1;
    focus(browser, browser.findElement(By.cssSelector("[data-carousel-next]")));
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    assertTrue(slides.get(1 - shown).isDisplayed(), "next shows the other slide");
    assertFalse(slides.get(shown).isDisplayed());

    // the FAQ accordion opens from the keyboard
    browser.get(Ports.BASE_URL + "/sites/" + site + "/list/faq");
    WebElement summary = browser.findElement(By.cssSelector("details.faq summary"));
    WebElement details = browser.findElement(By.cssSelector("details.faq"));
    assertEquals(null, details.getAttribute("open"));
    focus(browser, summary);
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    assertEquals("true", details.getAttribute("open"));
    assertTrue(items.containsKey("faq"));
  }

  /** A site made from a template through the API. */
  private static String siteFrom(String template) {
    String site =
        "ui-" + template.substring(0, 3) + "-" + UUID.randomUUID().toString().substring(0, 6);
    var created =
        Api.post(
            "/api/v1/manage/sites",
            "{\"key\": \"%s\", \"name\": {\"zh-TW\": \"瀏覽器測試站\", \"en\": \"Browser test\"}, \"template\": \"%s\"}"
                .formatted(site, template),
            Api.bearer("platform-admin"));
    assertEquals(201, created.statusCode(), created.body());
    return site;
  }

  private static void publishSecondBanner(String site) throws Exception {
    String image =
        Api.json(
                new tw.gov.civitas.it.support.Multipart()
                    .file("file", "banner2.png", "image/png", MediaIT.png(1200, 400))
                    .field("alt", "端午連假交通疏運")
                    .field("altEn", "Holiday traffic plan")
                    .post("/api/v1/manage/sites/" + site + "/media", Api.bearer("platform-admin")))
            .getString("id");
    String slug = "banner-" + UUID.randomUUID().toString().substring(0, 6);
    assertEquals(
        201,
        Api.post(
                "/api/v1/manage/sites/" + site + "/content",
                "{\"type\": \"news\", \"slug\": \"%s\", \"tags\": [\"banner\"], \"fields\": {\"title\": \"端午連假交通疏運\", \"image\": \"%s\"}}"
                    .formatted(slug, image),
                Api.bearer("platform-admin"))
            .statusCode());
    assertEquals(
        200,
        Api.post(
                "/api/v1/manage/sites/" + site + "/content/" + slug + "/transitions",
                "{\"action\": \"publish\"}",
                Api.bearer("platform-admin"))
            .statusCode());
  }

  /** Moves keyboard focus to an element, as Tab would. */
  private static void focus(WebDriver browser, WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", element);
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
