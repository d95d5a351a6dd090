package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Browser;
import tw.gov.civitas.it.support.Database;
import tw.gov.civitas.it.support.Ports;

/**
 * The editor as agency webmasters use it, in headless Chromium signed in through Keycloak: writing
 * a news item with a picture and its English translation, a reviewer publishing it, field messages,
 * a conflict between two people, restoring a revision, and another agency's user kept out. Every
 * screen is checked with axe-core (WCAG 2.2 AA) and the Nu HTML Checker, and photographed under
 * {@code target/screenshots}.
 */
@ArquillianTest
class EditorContentBrowserIT {

  private static final String SITE = "transportation";
  private static final String EDITOR = Ports.BASE_URL + "/editor/";

  /** Waits for the condition; if it never holds, the failure says which page the browser shows. */
  private static <T> T until(WebDriver browser, ExpectedCondition<T> condition) {
    try {
      // a condition read while the page is being replaced reads it again
      return new WebDriverWait(browser, Duration.ofSeconds(30))
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(condition);
    } catch (TimeoutException e) {
      String text = browser.findElement(By.tagName("body")).getText();
      throw new AssertionError(
          condition
              + " never held on "
              + browser.getCurrentUrl()
              + " ("
              + browser.getTitle()
              + "):\n"
              + text.substring(0, Math.min(3000, text.length())),
          e);
    }
  }

  private static void check(WebDriver browser, String name, boolean validate) throws IOException {
    EditorBrowser.checkScreen(browser, name, validate);
  }

  private static Path picture() throws IOException {
    BufferedImage img = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(0x0b4f8a));
    g.fillRect(0, 0, 640, 360);
    g.setColor(Color.WHITE);
    g.fillRect(40, 160, 560, 40);
    g.dispose();
    Path file = Files.createTempFile("route-map", ".png");
    ImageIO.write(img, "png", file.toFile());
    return file;
  }

  private static String state(WebDriver browser) {
    return browser.findElement(By.id("item-state")).getText();
  }

  @Test
  void aWebmasterWritesANewsItemWithAPictureThatAReviewerPublishes() throws IOException {
    String word = UUID.randomUUID().toString().substring(0, 6);
    String alt = "公車 300 路改道路線圖 " + word;
    long start = System.nanoTime();
    WebDriver browser = EditorBrowser.signIn("transportation-editor");
    check(browser, "dashboard", true);

    // the picture goes into the media library first, with its alternative text
    browser.get(EDITOR + "media.xhtml?site=" + SITE);
    until(browser, ExpectedConditions.presenceOfElementLocated(By.id("upload:files")));
    check(browser, "media", true);
    browser.findElement(By.id("upload:files")).sendKeys(picture().toString());
    browser.findElement(By.id("upload:altZh")).sendKeys(alt);
    browser.findElement(By.id("upload:altEn")).sendKeys("Detour map of bus 300");
    browser.findElement(By.id("upload:send")).click();
    until(browser, ExpectedConditions.presenceOfElementLocated(By.id("media-results")));
    assertTrue(browser.findElement(By.id("media-results")).getText().contains("已上傳"));
    assertTrue(browser.findElement(By.id("media")).getText().contains(alt));

    // a news item from the site's workspace
    browser.get(EDITOR + "site.xhtml?site=" + SITE);
    until(browser, ExpectedConditions.presenceOfElementLocated(By.id("new-news")));
    check(browser, "site", true);
    browser.findElement(By.id("new-news")).click();
    until(browser, ExpectedConditions.presenceOfElementLocated(By.id("f-title-zh-TW")));
    check(browser, "item-new", true);
    String titleZh = "公車 300 路改道 " + word;
    browser.findElement(By.id("f-title-zh-TW")).sendKeys(titleZh);
    browser.findElement(By.id("f-title-en")).sendKeys("Bus 300 detour " + word);
    // the slug is suggested from the English title as it is typed
    assertEquals(
        "bus-300-detour-" + word, browser.findElement(By.id("item:slug")).getAttribute("value"));
    browser.findElement(By.id("f-summary-zh-TW")).sendKeys("端午連假期間改道行駛");
    // the Chinese body as HTML (the toolbar's HTML button), the English one with the toolbar
    browser.findElement(By.id("f-body-zh-TW-source")).click();
    browser
        .findElement(By.id("f-body-zh-TW"))
        .sendKeys("<p>改道期間請改至臨時站牌候車。</p><script>alert('x')</script>");
    WebElement english = browser.findElement(By.id("f-body-en-rich"));
    english.click();
    english.sendKeys("Please wait at the temporary stop.");
    english.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"));
    browser.findElement(By.id("f-body-en-bold")).click();
    new Select(browser.findElement(By.id("f-image")))
        .getOptions().stream()
            .filter(o -> o.getText().contains(alt))
            .findFirst()
            .orElseThrow()
            .click();
    browser.findElement(By.id("item:save")).click();
    until(browser, ExpectedConditions.presenceOfElementLocated(By.id("item-state")));
    String slug = "bus-300-detour-" + word;
    assertTrue(browser.getCurrentUrl().contains("slug=" + slug), browser.getCurrentUrl());
    assertEquals("草稿", state(browser));
    check(browser, "item-draft", true);

    browser.findElement(By.id("item:submit")).click();
    until(browser, ExpectedConditions.textToBe(By.id("item-state"), "審核中"));
    assertTrue(browser.findElement(By.id("notice")).getText().contains("已送審"));
    // an editor may not publish: the button is not offered
    assertTrue(browser.findElements(By.id("item:publish")).isEmpty());

    // the reviewer finds it in their inbox and publishes it
    WebDriver reviewer = EditorBrowser.signIn("transportation-reviewer");
    until(reviewer, ExpectedConditions.presenceOfElementLocated(By.id("my-reviews")));
    reviewer.findElement(By.id("my-reviews")).findElement(By.partialLinkText(titleZh)).click();
    until(reviewer, ExpectedConditions.presenceOfElementLocated(By.id("item:publish")));
    check(reviewer, "item-review", true);
    reviewer.findElement(By.id("item:publish")).click();
    until(reviewer, ExpectedConditions.textToBe(By.id("item-state"), "已發布"));
    double seconds = (System.nanoTime() - start) / 1e9;
    Files.createDirectories(Path.of("target"));
    Files.writeString(
        Path.of("target", "editor-journey.txt"),
        String.format("sign-in to published (editor, then reviewer): %.1f s%n", seconds));
    System.out.printf("Editor journey, sign-in to published: %.1f s%n", seconds);

    // the public API and the public page show it, with the picture and without the script
    HttpResponse<String> api = Api.get("/api/v1/sites/" + SITE + "/content/" + slug);
    assertEquals(200, api.statusCode(), api.body());
    JsonObject item = Api.json(api);
    assertTrue(item.toString().contains(titleZh), item.toString());
    assertFalse(item.toString().contains("<script"), item.toString());
    HttpResponse<String> en = Api.get("/api/v1/sites/" + SITE + "/content/" + slug + "?lang=en");
    assertTrue(en.body().contains("Bus 300 detour " + word), en.body());
    assertTrue(
        en.body().contains("<b>Please wait at the temporary stop.</b>")
            || en.body().contains("<strong>Please wait at the temporary stop.</strong>"),
        en.body());
    reviewer.get(Ports.BASE_URL + "/sites/" + SITE + "/" + slug);
    until(reviewer, ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
    assertTrue(reviewer.getPageSource().contains(titleZh));
    assertFalse(reviewer.findElements(By.cssSelector("img[alt='" + alt + "']")).isEmpty());
    assertFalse(reviewer.getPageSource().contains("alert('x')"));

    // the library says where the picture is used, linked to the item
    browser.get(EDITOR + "media.xhtml?site=" + SITE);
    WebElement usedBy =
        until(
            browser,
            ExpectedConditions.presenceOfElementLocated(
                By.xpath("//tr[contains(., '" + alt + "')]/td[starts-with(@id, 'used-')]")));
    assertEquals(
        EDITOR + "item.xhtml?site=" + SITE + "&slug=" + slug,
        usedBy.findElement(By.linkText(slug)).getAttribute("href"));
  }

  @Test
  void filesDroppedOnTheLibraryAreSentWithProgressWithoutLeavingThePage() throws IOException {
    String alt = "拖放的圖 " + UUID.randomUUID().toString().substring(0, 6);
    WebDriver browser = EditorBrowser.signIn("transportation-editor");
    browser.get(EDITOR + "media.xhtml?site=" + SITE);
    until(browser, ExpectedConditions.visibilityOfElementLocated(By.id("drop-zone")));
    org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
    byte[] png = Files.readAllBytes(picture());
    // what a drop from the desktop delivers: a DataTransfer holding the file
    js.executeScript(
        "const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));"
            + "const dt = new DataTransfer();"
            + "dt.items.add(new File([bytes], 'dropped-map.png', {type: 'image/png'}));"
            + "document.getElementById('drop-zone').dispatchEvent("
            + "new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));"
            + "window.civitasSamePage = true;",
        java.util.Base64.getEncoder().encodeToString(png));
    assertEquals("已選擇： dropped-map.png", browser.findElement(By.id("upload-status")).getText());
    browser.findElement(By.id("upload:altZh")).sendKeys(alt);
    browser.findElement(By.id("upload:send")).click();
    until(
        browser, ExpectedConditions.textToBePresentInElementLocated(By.id("media-results"), "已上傳"));
    assertTrue(browser.findElement(By.id("media")).getText().contains(alt));
    assertEquals(
        Boolean.TRUE,
        js.executeScript("return window.civitasSamePage === true"),
        "the page was left: the upload did not go through the progress path");
    check(browser, "media-dropped", false);

    // the dropped file is replaced by another picture: same id, the new file's name
    new Select(browser.findElement(By.id("replace:which")))
        .getOptions().stream()
            .filter(o -> o.getText().startsWith("dropped-map.png"))
            .findFirst()
            .orElseThrow()
            .click();
    String id =
        new Select(browser.findElement(By.id("replace:which")))
            .getFirstSelectedOption()
            .getAttribute("value");
    browser.findElement(By.id("replace:file")).sendKeys(picture().toString());
    browser.findElement(By.id("replace:send")).click();
    until(
        browser,
        ExpectedConditions.textToBePresentInElementLocated(By.id("media-results"), "已在所有使用處取代"));
    assertEquals(
        2, Database.count("select version from media where id = ?", id), "a second version");
    assertTrue(
        Database.count(
                "select count(*) from media where id = ? and file_name like 'route-map%'", id)
            == 1);
  }

  @Test
  void anInvalidItemIsRefusedWithAMessageNextToEachFieldAndNothingIsStored() throws IOException {
    long before = Database.count("select count(*) from content_item");
    WebDriver browser = EditorBrowser.signIn("transportation-editor");
    browser.get(EDITOR + "item.xhtml?site=" + SITE + "&type=event");
    until(browser, ExpectedConditions.presenceOfElementLocated(By.id("f-startsAt")));
    browser.findElement(By.id("f-title-en")).sendKeys("No Chinese title");
    browser.findElement(By.id("item:slug")).clear();
    browser.findElement(By.id("item:slug")).sendKeys("Not A Slug!");
    browser.findElement(By.id("f-capacity")).sendKeys("-5");
    browser.findElement(By.id("item:save")).click();
    until(browser, ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));

    // the summary lists each problem and links to its input
    WebElement summary = browser.findElement(By.id("error-summary"));
    List<String> links =
        summary.findElements(By.tagName("a")).stream().map(a -> a.getAttribute("href")).toList();
    assertTrue(links.stream().anyMatch(h -> h.endsWith("#f-title-zh-TW")), links.toString());
    assertTrue(links.stream().anyMatch(h -> h.endsWith("#f-startsAt")), links.toString());
    assertTrue(links.stream().anyMatch(h -> h.endsWith("#f-capacity")), links.toString());
    assertTrue(links.stream().anyMatch(h -> h.endsWith("#item:slug")), links.toString());
    // each message stands under its input, in the screen's language, and the input says it is
    // invalid
    assertEquals("此欄必須填寫中文內容", browser.findElement(By.id("f-title-zh-TW-error")).getText());
    assertEquals("此欄必填", browser.findElement(By.id("f-startsAt-error")).getText());
    assertTrue(browser.findElement(By.id("f-capacity-error")).getText().contains("0"));
    assertEquals("true", browser.findElement(By.id("f-startsAt")).getAttribute("aria-invalid"));
    // what was typed is still there
    assertEquals(
        "No Chinese title", browser.findElement(By.id("f-title-en")).getAttribute("value"));
    check(browser, "item-invalid", false);
    assertEquals(before, Database.count("select count(*) from content_item"));

    // the same screen in English: English labels and messages only
    browser.get(EDITOR + "item.xhtml?site=" + SITE + "&type=event&lang=en");
    until(browser, ExpectedConditions.presenceOfElementLocated(By.id("f-startsAt")));
    assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
    browser.findElement(By.id("item:save")).click();
    until(browser, ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
    assertEquals("Required", browser.findElement(By.id("f-startsAt-error")).getText());
    assertFalse(browser.findElement(By.tagName("main")).getText().contains("必填"));
    check(browser, "item-invalid-en", false);
    browser.get(EDITOR + "?lang=zh-TW");
  }

  @Test
  void whatWasTypedButNotSavedIsKeptAsideAndOfferedBackToItsAuthorAlone() throws IOException {
    String slug = "autosave-" + UUID.randomUUID().toString().substring(0, 8);
    String item = "/api/v1/manage/sites/" + SITE + "/content/" + slug;
    String[] editor = Api.bearer("transportation-editor");
    assertEquals(
        201,
        Api.post(
                "/api/v1/manage/sites/" + SITE + "/content",
                "{\"type\": \"news\", \"slug\": \""
                    + slug
                    + "\", \"fields\": {\"title\": \"自動保留原文\"}}",
                editor)
            .statusCode());
    String page = EDITOR + "item.xhtml?site=" + SITE + "&slug=" + slug;
    WebDriver browser = EditorBrowser.signIn("transportation-editor");
    browser.get(page);
    until(browser, ExpectedConditions.presenceOfElementLocated(By.id("f-title-zh-TW")));
    browser.findElement(By.id("f-title-zh-TW")).clear();
    browser.findElement(By.id("f-title-zh-TW")).sendKeys("自動保留新文");
    // the timer's step, run now rather than waited for
    Object kept =
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "window.Civitas.autosave().then(done, e => done('failed: ' + e));");
    assertEquals(Boolean.TRUE, kept);
    until(
        browser,
        ExpectedConditions.textToBePresentInElementLocated(By.id("autosave-status"), "自動保留修改"));
    // nothing of it is in the item
    JsonObject stored = Api.json(Api.get(item, editor));
    assertEquals(1, stored.getInt("revision"));
    assertTrue(stored.toString().contains("自動保留原文"), stored.toString());

    // another person opening the item is offered nothing
    WebDriver other = Browser.another();
    try {
      EditorBrowser.signIn(other, "transportation-webmaster");
      other.get(page);
      until(other, ExpectedConditions.presenceOfElementLocated(By.id("f-title-zh-TW")));
      assertTrue(other.findElements(By.id("autosave-offer")).isEmpty());
    } finally {
      other.quit();
    }

    // coming back, the author is offered what they typed, restores it and saves it
    browser.get(page);
    until(browser, ExpectedConditions.presenceOfElementLocated(By.id("autosave-offer")));
    assertEquals("自動保留原文", browser.findElement(By.id("f-title-zh-TW")).getAttribute("value"));
    check(browser, "item-autosave", true);
    browser.findElement(By.id("item:restore-autosave")).click();
    until(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "放回表單"));
    assertEquals("自動保留新文", browser.findElement(By.id("f-title-zh-TW")).getAttribute("value"));
    browser.findElement(By.id("item:save")).click();
    until(browser, ExpectedConditions.textToBe(By.id("item-revision"), "2"));
    assertTrue(Api.json(Api.get(item, editor)).toString().contains("自動保留新文"));
    assertEquals(
        0,
        Database.count(
            "select count(*) from content_autosave where item_key = ? and username = ?",
            slug,
            "transportation-editor"));
  }

  @Test
  void theRichTextToolbarIsOneTabStopThatTheArrowKeysMoveAlong() {
    WebDriver browser = EditorBrowser.signIn("transportation-editor");
    browser.get(EDITOR + "item.xhtml?site=" + SITE + "&type=news");
    until(browser, ExpectedConditions.presenceOfElementLocated(By.id("f-body-en-rich")));
    WebElement bold = browser.findElement(By.id("f-body-en-bold"));
    assertEquals("0", bold.getAttribute("tabindex"));
    assertEquals("-1", browser.findElement(By.id("f-body-en-italic")).getAttribute("tabindex"));
    assertEquals("粗體", bold.getAttribute("aria-label"));
    bold.sendKeys(Keys.ARROW_RIGHT);
    assertEquals("f-body-en-italic", browser.switchTo().activeElement().getAttribute("id"));
    browser.switchTo().activeElement().sendKeys(Keys.ARROW_LEFT, Keys.ARROW_LEFT);
    // from the first button, left wraps to the last: the HTML view
    WebElement source = browser.switchTo().activeElement();
    assertEquals("f-body-en-source", source.getAttribute("id"));
    source.sendKeys(Keys.ENTER);
    assertEquals("true", source.getAttribute("aria-pressed"));
    assertTrue(browser.findElement(By.id("f-body-en")).isDisplayed(), "the HTML is shown");
    assertFalse(browser.findElement(By.id("f-body-en-rich")).isDisplayed());
    browser.findElement(By.id("f-body-en")).sendKeys("<p>Typed as <em>HTML</em></p>");
    source.sendKeys(Keys.ENTER);
    assertEquals("Typed as HTML", browser.findElement(By.id("f-body-en-rich")).getText().strip());
  }

  @Test
  void theSecondOfTwoPeopleSavingTheSameItemIsToldAndOverwritesNothing() throws IOException {
    String slug = "conflict-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        Api.post(
            "/api/v1/manage/sites/" + SITE + "/content",
            "{\"type\": \"news\", \"slug\": \""
                + slug
                + "\", \"fields\": {\"title\": \"衝突測試\", \"body\": \"<p>原文</p>\"}}",
            Api.bearer("transportation-webmaster"));
    assertEquals(201, created.statusCode(), created.body());
    String page = EDITOR + "item.xhtml?site=" + SITE + "&slug=" + slug;

    WebDriver first = EditorBrowser.signIn("transportation-editor");
    first.get(page);
    until(first, ExpectedConditions.presenceOfElementLocated(By.id("f-title-zh-TW")));
    WebDriver second = Browser.another();
    try {
      EditorBrowser.signIn(second, "transportation-webmaster");
      second.get(page);
      until(second, ExpectedConditions.presenceOfElementLocated(By.id("f-title-zh-TW")));
      second.findElement(By.id("f-title-zh-TW")).clear();
      second.findElement(By.id("f-title-zh-TW")).sendKeys("管理者的標題");
      second.findElement(By.id("item:save")).click();
      until(second, ExpectedConditions.textToBe(By.id("item-revision"), "2"));
    } finally {
      second.quit();
    }

    first.findElement(By.id("f-title-zh-TW")).clear();
    first.findElement(By.id("f-title-zh-TW")).sendKeys("編輯者的標題");
    first.findElement(By.id("item:save")).click();
    until(first, ExpectedConditions.presenceOfElementLocated(By.id("conflict")));
    String message = first.findElement(By.id("conflict")).getText();
    assertTrue(message.contains("第 2 版") && message.contains("尚未儲存"), message);
    // the editor's text is still in the form, to copy
    assertEquals("編輯者的標題", first.findElement(By.id("f-title-zh-TW")).getAttribute("value"));
    check(first, "item-conflict", false);
    JsonObject stored =
        Api.json(
            Api.get(
                "/api/v1/manage/sites/" + SITE + "/content/" + slug,
                Api.bearer("transportation-webmaster")));
    assertEquals(2, stored.getInt("revision"));
    assertTrue(stored.toString().contains("管理者的標題"), stored.toString());
  }

  @Test
  void anOlderRevisionIsComparedAndRestoredAsANewRevision() throws IOException {
    String slug = "restore-" + UUID.randomUUID().toString().substring(0, 8);
    String[] webmaster = Api.bearer("transportation-webmaster");
    String base = "/api/v1/manage/sites/" + SITE + "/content";
    assertEquals(
        201,
        Api.post(
                base,
                "{\"type\": \"news\", \"slug\": \""
                    + slug
                    + "\", \"fields\": {\"title\": \"第一版的標題\"}}",
                webmaster)
            .statusCode());
    assertEquals(
        200,
        Api.put(base + "/" + slug, "{\"fields\": {\"title\": \"第二版的標題\"}}", webmaster)
            .statusCode());

    WebDriver browser = EditorBrowser.signIn("transportation-editor");
    browser.get(EDITOR + "item.xhtml?site=" + SITE + "&slug=" + slug);
    until(browser, ExpectedConditions.presenceOfElementLocated(By.id("revisions-link")));
    browser.findElement(By.id("revisions-link")).click();
    until(browser, ExpectedConditions.presenceOfElementLocated(By.id("diff")));
    String diff = browser.findElement(By.id("diff")).getText();
    assertTrue(diff.contains("第一版的標題") && diff.contains("第二版的標題"), diff);
    check(browser, "revisions", true);
    browser.findElement(By.xpath("//input[@value='還原第 1 版']")).click();
    until(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "第 3 版"));
    JsonObject current = Api.json(Api.get(base + "/" + slug, webmaster));
    assertEquals(3, current.getInt("revision"));
    assertTrue(current.toString().contains("第一版的標題"), current.toString());
  }

  @Test
  void theListFiltersBySearchAndMovesTheTickedItemsEachOnItsOwn() throws IOException {
    String word = "批次" + UUID.randomUUID().toString().substring(0, 6);
    String base = "/api/v1/manage/sites/" + SITE + "/content";
    String[] editor = Api.bearer("transportation-editor");
    for (String n : List.of("一", "二")) {
      assertEquals(
          201,
          Api.post(
                  base,
                  "{\"type\": \"news\", \"slug\": \"bulk-"
                      + UUID.randomUUID().toString().substring(0, 8)
                      + "\", \"fields\": {\"title\": \""
                      + word
                      + n
                      + "\"}}",
                  editor)
              .statusCode());
    }
    WebDriver browser = EditorBrowser.signIn("transportation-editor");
    browser.get(EDITOR + "site.xhtml?site=" + SITE);
    until(browser, ExpectedConditions.presenceOfElementLocated(By.id("q")));
    browser.findElement(By.id("q")).sendKeys(word);
    new Select(browser.findElement(By.id("state"))).selectByValue("draft");
    browser.findElement(By.id("filter")).click();
    until(browser, ExpectedConditions.textToBe(By.id("list-total"), "共 2 筆"));
    check(browser, "site-filtered", true);
    browser.findElements(By.name("pick")).forEach(WebElement::click);
    browser.findElement(By.id("bulk:bulk-submit")).click();
    until(browser, ExpectedConditions.presenceOfElementLocated(By.id("bulk-results")));
    assertEquals(
        2,
        browser.findElement(By.id("bulk-results")).findElements(By.cssSelector("li.done")).size(),
        browser.findElement(By.id("bulk-results")).getText());
    // an editor's bulk publication is refused item by item, and says why
    browser.get(
        EDITOR
            + "site.xhtml?site="
            + SITE
            + "&q="
            + java.net.URLEncoder.encode(word, java.nio.charset.StandardCharsets.UTF_8));
    until(browser, ExpectedConditions.textToBe(By.id("list-total"), "共 2 筆"));
    browser.findElements(By.name("pick")).forEach(WebElement::click);
    browser.findElement(By.id("bulk:bulk-publish")).click();
    until(
        browser,
        ExpectedConditions.textToBePresentInElementLocated(By.id("bulk-results"), "沒有此權限"));
    assertEquals(
        2,
        browser
            .findElement(By.id("bulk-results"))
            .findElements(By.cssSelector("li.refused"))
            .size());
  }

  @Test
  void theRuleThatAnotherPersonPublishesIsShownBeforeTheClick() throws IOException {
    String[] admin = Api.bearer("platform-admin");
    String[] webmaster = Api.bearer("transportation-webmaster");
    assertEquals(
        200,
        Api.put("/api/v1/manage/sites/" + SITE, "{\"requireDistinctReviewer\": true}", admin)
            .statusCode());
    try {
      String slug = "own-" + UUID.randomUUID().toString().substring(0, 8);
      assertEquals(
          201,
          Api.post(
                  "/api/v1/manage/sites/" + SITE + "/content",
                  "{\"type\": \"news\", \"slug\": \""
                      + slug
                      + "\", \"fields\": {\"title\": \"自己寫的\"}}",
                  webmaster)
              .statusCode());
      WebDriver browser = EditorBrowser.signIn("transportation-webmaster");
      browser.get(EDITOR + "item.xhtml?site=" + SITE + "&slug=" + slug);
      until(browser, ExpectedConditions.presenceOfElementLocated(By.id("item:publish")));
      WebElement publish = browser.findElement(By.id("item:publish"));
      assertFalse(publish.isEnabled());
      assertTrue(
          browser.findElement(By.id("publish-rule")).getText().contains("作者以外的人發布"),
          browser.findElement(By.id("publish-rule")).getText());
      assertEquals("publish-rule", publish.getAttribute("aria-describedby"));
      check(browser, "item-own-revision", true);
    } finally {
      Api.put("/api/v1/manage/sites/" + SITE, "{\"requireDistinctReviewer\": false}", admin);
    }
  }

  @Test
  void anotherAgencysWebmasterCannotOpenThisSitesScreens() {
    String slug = "closed-" + UUID.randomUUID().toString().substring(0, 8);
    assertEquals(
        201,
        Api.post(
                "/api/v1/manage/sites/" + SITE + "/content",
                "{\"type\": \"news\", \"slug\": \""
                    + slug
                    + "\", \"fields\": {\"title\": \"他機關\"}}",
                Api.bearer("transportation-webmaster"))
            .statusCode());
    WebDriver browser = EditorBrowser.signIn("xitun-webmaster");
    for (String screen :
        List.of(
            "site.xhtml?site=" + SITE,
            "item.xhtml?site=" + SITE + "&slug=" + slug,
            "item.xhtml?site=" + SITE + "&type=news",
            "revisions.xhtml?site=" + SITE + "&slug=" + slug,
            "media.xhtml?site=" + SITE)) {
      browser.get(EDITOR + screen);
      until(browser, ExpectedConditions.presenceOfElementLocated(By.id("forbidden")));
      assertFalse(browser.getPageSource().contains("他機關"), screen);
    }
  }

  @Test
  void aWebmasterReordersAMenuWithTheKeyboardAlone() throws IOException {
    String[] webmaster = Api.bearer("transportation-webmaster");
    String menu = "keys-" + UUID.randomUUID().toString().substring(0, 6);
    String path = "/api/v1/manage/sites/" + SITE + "/menus/" + menu;
    assertEquals(
        200,
        Api.put(
                path,
                "{\"entries\": ["
                    + "{\"label\": {\"zh-TW\": \"甲\", \"en\": \"A\"}, \"url\": \"/sites/transportation/\"},"
                    + "{\"label\": {\"zh-TW\": \"乙\"}, \"url\": \"https://www.taichung.gov.tw/\"},"
                    + "{\"label\": {\"zh-TW\": \"丙\"}, \"url\": \"/sites/transportation/search\"}]}",
                webmaster)
            .statusCode());
    WebDriver browser = EditorBrowser.signIn("transportation-webmaster");
    browser.get(EDITOR + "menus.xhtml?site=" + SITE + "&menu=" + menu);
    until(browser, ExpectedConditions.presenceOfElementLocated(By.id("menu-form:rows:0:down")));
    check(browser, "menus", true);

    // 甲 down one place (Enter on its button), then under 乙 (the focus stays on the moved entry)
    browser.findElement(By.id("menu-form:rows:0:down")).sendKeys(Keys.ENTER);
    until(browser, ExpectedConditions.attributeToBe(By.id("m-0-zh"), "value", "乙"));
    assertEquals(
        "menu-form:rows:1:down",
        browser.switchTo().activeElement().getAttribute("id"),
        "the focus follows the entry that moved");
    browser
        .switchTo()
        .activeElement()
        .sendKeys(Keys.TAB, Keys.ENTER); // the next button: → (indent)
    until(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("menu-rows"), "第 2 層"));
    browser.findElement(By.id("menu-form:save")).sendKeys(Keys.ENTER);
    until(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已儲存"));
    check(browser, "menus-saved", false);
    // shown again from what was stored
    browser.get(EDITOR + "menus.xhtml?site=" + SITE + "&menu=" + menu);
    until(browser, ExpectedConditions.presenceOfElementLocated(By.id("m-0-zh")));
    assertEquals("乙", browser.findElement(By.id("m-0-zh")).getAttribute("value"));
    assertEquals("甲", browser.findElement(By.id("m-1-zh")).getAttribute("value"));
    assertTrue(browser.findElement(By.id("menu-rows")).getText().contains("第 2 層"));

    JsonObject saved = Api.json(Api.get(path, webmaster));
    jakarta.json.JsonArray entries = saved.getJsonArray("entries");
    assertEquals(2, entries.size(), saved.toString());
    assertEquals("乙", entries.getJsonObject(0).getJsonObject("label").getString("zh-TW"));
    assertEquals(
        "甲",
        entries
            .getJsonObject(0)
            .getJsonArray("children")
            .getJsonObject(0)
            .getJsonObject("label")
            .getString("zh-TW"));
    assertEquals(
        "A",
        entries
            .getJsonObject(0)
            .getJsonArray("children")
            .getJsonObject(0)
            .getJsonObject("label")
            .getString("en"));
    assertEquals("丙", entries.getJsonObject(1).getJsonObject("label").getString("zh-TW"));
  }

  @Test
  void anEditorCannotOpenTheMenusOfTheirOwnSite() {
    WebDriver browser = EditorBrowser.signIn("transportation-editor");
    browser.get(EDITOR + "menus.xhtml?site=" + SITE);
    until(browser, ExpectedConditions.presenceOfElementLocated(By.id("forbidden")));
  }

  @Test
  void aWebmasterSchedulesAReleaseSeesWhatItPublishesAndCancelsIt() throws IOException {
    String word = "發布組" + UUID.randomUUID().toString().substring(0, 6);
    String base = "/api/v1/manage/sites/" + SITE + "/content";
    String releases = "/api/v1/manage/sites/" + SITE + "/releases";
    String[] editor = Api.bearer("transportation-editor");
    String[] webmaster = Api.bearer("transportation-webmaster");
    List<String> slugs = new java.util.ArrayList<>();
    for (String n : List.of("甲", "乙")) {
      String slug = "release-" + UUID.randomUUID().toString().substring(0, 8);
      slugs.add(slug);
      assertEquals(
          201,
          Api.post(
                  base,
                  "{\"type\": \"news\", \"slug\": \""
                      + slug
                      + "\", \"fields\": {\"title\": \""
                      + word
                      + n
                      + "\"}}",
                  editor)
              .statusCode());
    }
    int before = Api.json(Api.get(releases, webmaster)).getJsonArray("items").size();
    WebDriver browser = EditorBrowser.signIn("transportation-webmaster");
    browser.get(EDITOR + "site.xhtml?site=" + SITE);
    until(browser, ExpectedConditions.elementToBeClickable(By.id("releases-link"))).click();
    until(browser, ExpectedConditions.presenceOfElementLocated(By.id("release-form:schedule")));
    check(browser, "releases", true);

    // nothing filled in: a message at each field, and no release
    browser.findElement(By.id("release-form:schedule")).click();
    until(browser, ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
    assertFalse(browser.findElement(By.id("name-error")).getText().isBlank());
    assertFalse(browser.findElement(By.id("releaseAt-error")).getText().isBlank());
    assertEquals("請至少選擇一個項目", browser.findElement(By.id("items-error")).getText());
    check(browser, "releases-invalid", false);
    assertEquals(before, Api.json(Api.get(releases, webmaster)).getJsonArray("items").size());

    String name = "端午連假" + word;
    java.time.LocalDateTime at =
        java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Taipei"))
            .plusDays(2)
            .withHour(8)
            .withMinute(0)
            .withSecond(0)
            .withNano(0);
    browser.findElement(By.id("release-form:name")).sendKeys(name);
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].value = arguments[1]",
            browser.findElement(By.id("release-form:releaseAt")),
            at.toString());
    for (String slug : slugs) {
      browser.findElement(By.id("ri-" + slug)).click();
    }
    browser.findElement(By.id("release-form:schedule")).click();
    until(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), name));

    JsonObject made =
        Api.json(Api.get(releases, webmaster)).getJsonArray("items").stream()
            .map(JsonObject.class::cast)
            .filter(r -> r.getString("name").equals(name))
            .findFirst()
            .orElseThrow();
    assertEquals("scheduled", made.getString("state"));
    assertEquals(
        at.atZone(java.time.ZoneId.of("Asia/Taipei")).toInstant(),
        java.time.Instant.parse(made.getString("releaseAt")));
    assertEquals(
        slugs.stream().sorted().toList(),
        made.getJsonArray("items").getValuesAs(jakarta.json.JsonString::getString));
    // the screen lists what the release publishes: both items, each at its revision
    WebElement card = browser.findElement(By.id("release-" + made.getJsonNumber("id")));
    assertTrue(
        card.getText().contains(word + "甲") && card.getText().contains(word + "乙"), card.getText());
    assertTrue(card.getText().contains("（第 1 版）"), card.getText());
    check(browser, "releases-scheduled", false);

    card.findElement(By.cssSelector("input[type=submit]")).click();
    until(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已取消"));
    assertEquals(
        "cancelled",
        Api.json(Api.get(releases, webmaster)).getJsonArray("items").stream()
            .map(JsonObject.class::cast)
            .filter(r -> r.getString("name").equals(name))
            .findFirst()
            .orElseThrow()
            .getString("state"));
    assertTrue(
        browser
            .findElement(By.id("release-" + made.getJsonNumber("id")))
            .findElements(By.cssSelector("input[type=submit]"))
            .isEmpty(),
        "a cancelled release offers no cancel button");
  }

  @Test
  void aWebmasterRegistersAWebhookSeesItsLogAndRemovesIt() throws IOException {
    String hooks = "/api/v1/manage/sites/" + SITE + "/webhooks";
    String[] webmaster = Api.bearer("transportation-webmaster");
    int before = Api.json(Api.get(hooks, webmaster)).getJsonArray("items").size();
    WebDriver browser = EditorBrowser.signIn("transportation-webmaster");
    browser.get(EDITOR + "site.xhtml?site=" + SITE);
    until(browser, ExpectedConditions.elementToBeClickable(By.id("webhooks-link"))).click();
    until(browser, ExpectedConditions.presenceOfElementLocated(By.id("new-hook:register")));
    check(browser, "webhooks", true);

    // an address inside the network is refused at its field, and nothing is registered
    browser.findElement(By.id("new-hook:url")).sendKeys("http://10.0.0.8/hook");
    browser.findElement(By.id("new-hook:register")).click();
    until(browser, ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
    assertEquals("不可指向內部網路位址（本機、私有、鏈路本地位址）", browser.findElement(By.id("url-error")).getText());
    check(browser, "webhooks-invalid", false);
    assertEquals(before, Api.json(Api.get(hooks, webmaster)).getJsonArray("items").size());

    String url = "https://93.184.215.14/editor-" + UUID.randomUUID().toString().substring(0, 8);
    browser.findElement(By.id("new-hook:url")).clear();
    browser.findElement(By.id("new-hook:url")).sendKeys(url);
    browser
        .findElement(By.cssSelector("input[name='new-hook:events'][value='content.published']"))
        .click();
    browser.findElement(By.id("new-hook:register")).click();
    until(browser, ExpectedConditions.presenceOfElementLocated(By.id("secret")));
    assertTrue(browser.findElement(By.id("secret")).getText().length() >= 24);
    JsonObject made =
        Api.json(Api.get(hooks, webmaster)).getJsonArray("items").stream()
            .map(JsonObject.class::cast)
            .filter(w -> w.getString("url").equals(url))
            .findFirst()
            .orElseThrow();
    assertEquals(
        List.of("content.published"),
        made.getJsonArray("events").getValuesAs(jakarta.json.JsonString::getString));
    long id = made.getJsonNumber("id").longValue();

    WebElement row = browser.findElement(By.id("webhook-" + id));
    row.findElement(By.cssSelector("input[id$=':log']")).click();
    until(browser, ExpectedConditions.presenceOfElementLocated(By.id("log-heading")));
    check(browser, "webhooks-log", false);

    browser
        .findElement(By.id("webhook-" + id))
        .findElement(By.cssSelector("input[id$=':delete']"))
        .click();
    until(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已移除"));
    assertTrue(browser.findElements(By.id("webhook-" + id)).isEmpty());
    assertTrue(
        Api.json(Api.get(hooks, webmaster)).getJsonArray("items").stream()
            .map(JsonObject.class::cast)
            .noneMatch(w -> w.getString("url").equals(url)));
  }

  @Test
  void aWebmasterChangesTheSitesSettingsAndIsToldWhatIsMissing() throws IOException {
    String[] admin = Api.bearer("platform-admin");
    JsonObject before = Api.json(Api.get("/api/v1/manage/sites/" + SITE, admin));
    WebDriver browser = EditorBrowser.signIn("transportation-webmaster");
    try {
      browser.get(EDITOR + "settings.xhtml?site=" + SITE);
      until(browser, ExpectedConditions.presenceOfElementLocated(By.id("settings:nameZh")));
      check(browser, "settings", true);
      browser.findElement(By.id("settings:nameZh")).clear();
      browser.findElement(By.id("settings:save")).click();
      until(browser, ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
      assertFalse(browser.findElement(By.id("nameZh-error")).getText().isBlank());
      check(browser, "settings-invalid", false);
      // nothing was stored
      assertEquals(
          before.getJsonObject("name").toString(),
          Api.json(Api.get("/api/v1/manage/sites/" + SITE, admin))
              .getJsonObject("name")
              .toString());

      browser.findElement(By.id("settings:nameZh")).sendKeys("臺中市政府交通局");
      browser.findElement(By.id("settings:nameEn")).clear();
      browser.findElement(By.id("settings:nameEn")).sendKeys("Transportation Bureau, Taichung");
      browser.findElement(By.id("settings:save")).click();
      until(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已儲存"));
      HttpResponse<String> site = Api.get("/api/v1/sites/" + SITE + "?lang=en");
      assertTrue(site.body().contains("Transportation Bureau, Taichung"), site.body());

      // the FAQ is no open dataset any more; the news dataset gets its own description
      browser.findElement(By.id("od-faq-published")).click();
      browser.findElement(By.id("od-news-description")).clear();
      browser.findElement(By.id("od-news-description")).sendKeys("交通局新聞稿");
      new Select(browser.findElement(By.id("od-news-frequency"))).selectByValue("每日更新");
      browser.findElement(By.id("settings:save")).click();
      until(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已儲存"));
      String datasets = Api.get("/api/v1/sites/" + SITE + "/datasets").body();
      assertFalse(datasets.contains("\"transportation-faq\""), datasets);
      assertTrue(datasets.contains("交通局新聞稿") && datasets.contains("每日更新"), datasets);
    } finally {
      Api.put(
          "/api/v1/manage/sites/" + SITE,
          "{\"name\": "
              + before.getJsonObject("name")
              + ", \"openData\": "
              + before.getJsonObject("openData")
              + "}",
          admin);
    }
  }
}
