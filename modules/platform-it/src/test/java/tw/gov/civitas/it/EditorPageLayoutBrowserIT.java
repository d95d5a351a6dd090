package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Ports;

/**
 * A webmaster arranges the home page: a setting out of its bounds is refused at its input and
 * nothing changes; then, with the keyboard, the announcements move to the top of the main column,
 * the news list gets a heading and a limit, an FAQ joins the side column, and the public page shows
 * it.
 */
@ArquillianTest
class EditorPageLayoutBrowserIT {

  private static final String SITE = "transportation";
  private static final String SETTINGS = "/api/v1/manage/sites/" + SITE;

  private static WebDriverWait waiting(WebDriver browser) {
    return new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  /** The row index of the main column's news list showing {@code type}. */
  private static String row(WebDriver browser, String type) {
    WebElement select =
        browser.findElement(
            By.xpath(
                "//section[@id='region-main']//select[substring(@id, string-length(@id) - 6) ="
                    + " '-s-type'][option[@selected and @value='"
                    + type
                    + "']]"));
    return select.getAttribute("id").replaceAll("^p-(\\d+)-s-type$", "$1");
  }

  /** A page's placements as region → module and settings (no settings: empty ones). */
  private static java.util.Map<String, java.util.List<String>> placements(
      JsonObject layouts, String page) {
    java.util.Map<String, java.util.List<String>> out = new java.util.TreeMap<>();
    layouts
        .getJsonObject(page)
        .forEach(
            (region, list) ->
                out.put(
                    region,
                    list.asJsonArray().getValuesAs(JsonObject.class).stream()
                        .map(
                            p ->
                                p.getString("module")
                                    + " "
                                    + p.getOrDefault("settings", JsonObject.EMPTY_JSON_OBJECT))
                        .toList()));
    return out;
  }

  private static JsonObject home(String[] admin) {
    return Api.json(Api.get(SETTINGS, admin)).getJsonObject("pageLayouts").getJsonObject("home");
  }

  @Test
  void aWebmasterArrangesTheHomePageWithTheKeyboard() throws IOException {
    String[] admin = Api.bearer("platform-admin");
    JsonObject before = Api.json(Api.get(SETTINGS, admin)).getJsonObject("pageLayouts");
    WebDriver browser = EditorBrowser.signIn("transportation-webmaster");
    try {
      browser.get(Ports.BASE_URL + "/editor/site.xhtml?site=" + SITE);
      waiting(browser).until(ExpectedConditions.elementToBeClickable(By.id("layout-link"))).click();
      waiting(browser)
          .until(ExpectedConditions.presenceOfElementLocated(By.id("layout-form:save")));
      EditorBrowser.checkScreen(browser, "layout", true);

      String news = row(browser, "news");
      browser.findElement(By.id("p-" + news + "-s-limit")).clear();
      browser.findElement(By.id("p-" + news + "-s-limit")).sendKeys("99");
      // the browser's own range check would stop the form: the server's is under test
      ((org.openqa.selenium.JavascriptExecutor) browser)
          .executeScript("document.getElementById('layout-form').noValidate = true");
      browser.findElement(By.id("layout-form:save")).click();
      waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
      assertEquals(
          "請輸入 1 到 20 之間的數字", browser.findElement(By.id("p-" + news + "-s-limit-error")).getText());
      EditorBrowser.checkScreen(browser, "layout-invalid", false);
      assertEquals(before.getJsonObject("home").toString(), home(admin).toString());

      news = row(browser, "news");
      browser.findElement(By.id("p-" + news + "-s-limit")).clear();
      browser.findElement(By.id("p-" + news + "-s-limit")).sendKeys("3");
      browser.findElement(By.id("p-" + news + "-s-heading_zh-TW")).sendKeys("交通快訊");
      // the announcements list moves up until it leads the main column, by keyboard alone
      for (int moves = 0; moves < 10; moves++) {
        String announcements = row(browser, "announcement");
        WebElement up =
            browser
                .findElement(By.id("row-" + announcements))
                .findElement(By.cssSelector("input[id$=':up']"));
        if (browser
            .findElement(By.cssSelector("#region-main li.placement"))
            .getAttribute("id")
            .equals("row-" + announcements)) {
          break;
        }
        up.sendKeys(Keys.ENTER);
        waiting(browser).until(ExpectedConditions.stalenessOf(up));
        waiting(browser)
            .until(ExpectedConditions.presenceOfElementLocated(By.id("layout-form:save")));
        // the focus stays on the moved module's button
        assertTrue(
            browser.switchTo().activeElement().getAttribute("id").endsWith(":up"),
            browser.switchTo().activeElement().getAttribute("id"));
      }
      new Select(browser.findElement(By.id("add-module"))).selectByValue("pages.faq-accordion");
      new Select(browser.findElement(By.id("add-region"))).selectByValue("side");
      browser.findElement(By.id("layout-form:add-button")).sendKeys(Keys.ENTER);
      waiting(browser)
          .until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "常見問答"));
      browser.findElement(By.id("layout-form:save")).click();
      waiting(browser)
          .until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已儲存"));

      JsonObject saved = home(admin);
      JsonArray main = saved.getJsonArray("main");
      assertEquals(
          "announcement", main.getJsonObject(0).getJsonObject("settings").getString("type"));
      JsonObject newsList =
          main.getValuesAs(JsonObject.class).stream()
              .filter(p -> "news".equals(p.getJsonObject("settings").getString("type", "")))
              .findFirst()
              .orElseThrow();
      assertEquals("3", newsList.getJsonObject("settings").getString("limit"));
      assertEquals("交通快訊", newsList.getJsonObject("settings").getString("heading.zh-TW"));
      JsonArray side = saved.getJsonArray("side");
      assertEquals("pages.faq-accordion", side.getJsonObject(side.size() - 1).getString("module"));
      // the other pages' layouts are untouched
      JsonObject after = Api.json(Api.get(SETTINGS, admin)).getJsonObject("pageLayouts");
      for (String page : before.keySet()) {
        if (!page.equals("home")) {
          assertEquals(placements(before, page), placements(after, page), page);
        }
      }

      browser.get(Ports.BASE_URL + "/sites/" + SITE + "/");
      waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
      assertTrue(browser.getPageSource().contains("交通快訊"), "the heading on the public page");
    } finally {
      Api.put(SETTINGS, "{\"pageLayouts\": " + before + "}", admin);
    }
  }
}
