package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Browser;
import tw.gov.civitas.it.support.Database;
import tw.gov.civitas.it.support.Multipart;
import tw.gov.civitas.it.support.Ports;
import tw.gov.civitas.it.support.TestServices;

/**
 * A citizen form's file field (the fixture's petition attachment: PDF, PNG or JPEG, at most 2 MB):
 * the upload is typed by its bytes, refused with a message next to the field when it is not what
 * the field takes or too large (and then nothing is stored, neither the file nor the petition),
 * stored as the citizen's private file, downloaded back byte for byte by its owner only, and read
 * by the site's staff only through the plug-in's own operation.
 */
@ArquillianTest
class CitizenFileUploadBrowserIT {

  private static final List<String> WCAG_TAGS =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
  private static final String FORM = "/account/services/" + PlugIns.SITE + "/fixture.petition";
  private static final int FIELD_LIMIT = 2 * 1024 * 1024;
  private static final String FILES = "select count(*) from private_file";
  private static final String PETITIONS = "select count(*) from fixture_petition";

  private static Path folder;

  @BeforeAll
  static void files() throws IOException {
    PlugIns.enableFixture();
    TestServices.keycloak();
    folder = Files.createTempDirectory("civitas-uploads");
  }

  @Test
  void aCitizenAttachesAPdfAndOnlyTheyAndTheSiteStaffReadItBack() {
    WebDriver browser = signIn("citizen", FORM);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    WebElement form = browser.findElement(By.tagName("form"));
    assertEquals("multipart/form-data", form.getAttribute("enctype"));
    WebElement input = browser.findElement(By.id("field-attachment"));
    assertEquals("file", input.getAttribute("type"));
    assertEquals("application/pdf,image/png,image/jpeg", input.getAttribute("accept"));
    assertEquals("field-attachment-hint", input.getAttribute("aria-describedby"));
    assertTrue(browser.findElement(By.id("field-attachment-hint")).getText().contains("2 MB"));
    assertAccessible(browser);

    byte[] pdf = pdf("Petition " + UUID.randomUUID());
    String subject = "附件陳情 " + UUID.randomUUID().toString().substring(0, 8);
    browser.findElement(By.id("field-subject")).sendKeys(subject);
    input.sendKeys(file("路燈照片 report.pdf", pdf).toString());
    browser.findElement(By.id("send")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("received")));
    assertAccessible(browser);

    // stored once, as the citizen's private file of the module, typed by its bytes; the petition
    // keeps its id
    List<List<String>> stored =
        Database.rows(
            "select id, owner, media_type, file_name, size_bytes::text"
                + " from private_file where module_id = 'fixture' and sha256 = ?",
            sha256(pdf));
    assertEquals(1, stored.size(), stored.toString());
    String id = stored.get(0).get(0);
    assertEquals(
        List.of(id, "citizen", "application/pdf", "路燈照片 report.pdf", String.valueOf(pdf.length)),
        stored.get(0));
    List<List<String>> petition =
        Database.rows(
            "select id::text, attachment_id from fixture_petition"
                + " where subject = ? and citizen = 'citizen'",
            subject);
    assertEquals(List.of(List.of(petition.get(0).get(0), id)), petition);

    WebElement link = browser.findElement(By.cssSelector("#received-files a"));
    assertEquals("路燈照片 report.pdf", link.getText());
    String href = "/account/files/fixture/" + id;
    assertEquals(Ports.BASE_URL + href, link.getAttribute("href"));

    // the owner downloads it back, byte for byte, as an attachment of the stored type
    HttpResponse<byte[]> own = download(href, session(browser));
    assertEquals(200, own.statusCode());
    assertArrayEquals(pdf, own.body());
    assertEquals("application/pdf", own.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(
        "attachment; filename=\"____ report.pdf\"; filename*=UTF-8''"
            + "%E8%B7%AF%E7%87%88%E7%85%A7%E7%89%87%20report.pdf",
        own.headers().firstValue("Content-Disposition").orElseThrow());
    assertEquals("nosniff", own.headers().firstValue("X-Content-Type-Options").orElseThrow());
    assertTrue(own.headers().firstValue("Cache-Control").orElseThrow().contains("no-store"));

    // and finds it later on the account page, with the other files of their own
    browser.get(Ports.BASE_URL + "/account/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("my-files")));
    assertTrue(
        browser.findElements(By.cssSelector("#my-files a")).stream()
            .anyMatch(a -> (Ports.BASE_URL + href).equals(a.getAttribute("href"))),
        "listed on the account page");
    assertAccessible(browser);

    // nobody signed in: the account's login, not the file
    HttpResponse<byte[]> anonymous = download(href, null);
    assertEquals(302, anonymous.statusCode());
    assertTrue(
        anonymous
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .contains("/protocol/openid-connect/auth"),
        anonymous.headers().toString());
    // never in the public media library's address space
    assertEquals(
        404, download("/media/" + PlugIns.SITE + "/" + id + "/original", null).statusCode());

    // the site's staff read it through the plug-in's operation, behind its permission; nobody else
    // does
    String staffPath =
        "/api/v1/manage/sites/"
            + PlugIns.SITE
            + "/fixture/petitions/"
            + petition.get(0).get(0)
            + "/attachment";
    HttpResponse<byte[]> staff =
        Api.sendBytes(
            HttpRequest.newBuilder(URI.create(Ports.BASE_URL + staffPath))
                .header("Authorization", "Bearer " + Api.token("xitun-webmaster")));
    assertEquals(200, staff.statusCode());
    assertArrayEquals(pdf, staff.body());
    assertEquals("nosniff", staff.headers().firstValue("X-Content-Type-Options").orElseThrow());
    for (String other : List.of("transportation-webmaster", "citizen")) {
      assertEquals(
          403,
          Api.sendBytes(
                  HttpRequest.newBuilder(URI.create(Ports.BASE_URL + staffPath))
                      .header("Authorization", "Bearer " + Api.token(other)))
              .statusCode(),
          other);
    }

    // another citizen, signed in: as if there were no such file
    browser.get(Ports.BASE_URL + "/account/logout");
    WebDriver other = signIn("citizen-2", FORM);
    assertEquals(404, download(href, session(other)).statusCode());
    other.get(Ports.BASE_URL + "/account/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
    assertTrue(
        other.findElements(By.cssSelector("a[href='" + href + "']")).isEmpty(),
        "not on another's page");
    other.get(Ports.BASE_URL + "/account/logout");
  }

  @Test
  void anUploadThatIsNotWhatTheFieldTakesIsRefusedNextToTheFieldAndNothingIsStored() {
    WebDriver browser = signIn("citizen", FORM);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    long files = Database.count(FILES);
    long petitions = Database.count(PETITIONS);

    // a page named .pdf: refused by its content, the subject kept, the message next to the field
    byte[] html =
        "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
            .getBytes(StandardCharsets.UTF_8);
    String subject = "假附件 " + UUID.randomUUID().toString().substring(0, 8);
    browser.findElement(By.id("field-subject")).sendKeys(subject);
    browser
        .findElement(By.id("field-attachment"))
        .sendKeys(file("application.pdf", html).toString());
    browser.findElement(By.id("send")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
    WebElement input = browser.findElement(By.id("field-attachment"));
    assertEquals("true", input.getAttribute("aria-invalid"));
    assertEquals(
        "field-attachment-hint field-attachment-error", input.getAttribute("aria-describedby"));
    assertEquals(
        "must be a PDF, PNG or JPEG file (its content is text/html)",
        browser.findElement(By.id("field-attachment-error")).getText());
    WebElement summaryLink = browser.findElement(By.cssSelector("#error-summary a"));
    assertEquals(Ports.BASE_URL + FORM + "#field-attachment", summaryLink.getAttribute("href"));
    assertTrue(summaryLink.getText().startsWith("附件"), summaryLink.getText());
    assertEquals(subject, browser.findElement(By.id("field-subject")).getAttribute("value"));
    assertTrue(browser.findElement(By.id("field-attachment-hint")).getText().contains("請重新選擇"));
    assertTrue(
        browser.findElements(By.tagName("script")).isEmpty(),
        "the page shows no part of the upload");
    assertAccessible(browser);
    assertEquals(files, Database.count(FILES));
    assertEquals(petitions, Database.count(PETITIONS));

    // larger than the field takes (a real PDF of 2 MB and a byte): refused the same way
    byte[] large = pdf(FIELD_LIMIT + 1);
    browser.findElement(By.id("field-attachment")).sendKeys(file("plan.pdf", large).toString());
    browser.findElement(By.id("send")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("field-attachment-error"), "larger"));
    assertEquals(
        "is larger than 2 MB", browser.findElement(By.id("field-attachment-error")).getText());
    assertAccessible(browser);
    assertEquals(files, Database.count(FILES));
    assertEquals(petitions, Database.count(PETITIONS));

    // the same as the server answers them, sent with the page's own token and session
    String session = session(browser);
    String csrf = browser.findElement(By.name("csrf")).getAttribute("value");
    assertEquals(
        400, send(session, csrf, subject, "application.pdf", "application/pdf", html).statusCode());
    assertEquals(
        413, send(session, csrf, subject, "plan.pdf", "application/pdf", large).statusCode());
    // past the platform's limit for any file: the whole form is refused before it is read
    HttpResponse<String> huge =
        send(session, csrf, subject, "huge.pdf", "application/pdf", pdf(11 * 1024 * 1024));
    assertEquals(413, huge.statusCode());
    assertTrue(huge.body().contains("error-summary"), huge.body());
    // a good file with a refused subject: the petition is returned, and the file goes with it
    byte[] good = pdf("kept nowhere " + UUID.randomUUID());
    HttpResponse<String> noSubject = send(session, csrf, "", "good.pdf", "application/pdf", good);
    assertEquals(400, noSubject.statusCode());
    assertTrue(noSubject.body().contains("field-subject-error"), noSubject.body());
    // not the page's token: refused before anything is read into the store
    assertEquals(
        403, send(session, "guess", subject, "good.pdf", "application/pdf", good).statusCode());
    assertEquals(files, Database.count(FILES));
    assertEquals(petitions, Database.count(PETITIONS));
    assertEquals(
        0,
        Database.count(
            "select count(*) from private_file where sha256 in (?, ?, ?)",
            sha256(html),
            sha256(large),
            sha256(good)));

    // a name with folders and markup is made safe; its extension follows the content, not the claim
    HttpResponse<String> renamed =
        send(session, csrf, subject, "../../etc/<b>plan.html", "text/html", good);
    assertEquals(303, renamed.statusCode(), renamed.body());
    assertEquals(
        List.of(List.of("bplan.pdf", "application/pdf")),
        Database.rows(
            "select file_name, media_type from private_file where sha256 = ?", sha256(good)));
    browser.get(Ports.BASE_URL + "/account/logout");
  }

  private static WebDriver signIn(String user, String page) {
    WebDriver browser = Browser.fresh();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get(Ports.BASE_URL + page);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys("civitas-dev");
    browser.findElement(By.id("kc-login")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("field-attachment")));
    return browser;
  }

  /** The browser's session of /account, for requests the test sends itself. */
  private static String session(WebDriver browser) {
    return browser.manage().getCookies().stream()
        .filter(c -> c.getName().equals("JSESSIONID") && "/account".equals(c.getPath()))
        .map(Cookie::getValue)
        .findFirst()
        .orElseThrow();
  }

  private static HttpResponse<byte[]> download(String path, String session) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Ports.BASE_URL + path));
    if (session != null) {
      request.header("Cookie", "JSESSIONID=" + session);
    }
    return Api.sendBytes(request);
  }

  private static HttpResponse<String> send(
      String session, String csrf, String subject, String fileName, String type, byte[] content) {
    return new Multipart()
        .field("csrf", csrf)
        .field("subject", subject)
        .file("attachment", fileName, type, content)
        .post(FORM, "Cookie", "JSESSIONID=" + session);
  }

  private static Path file(String name, byte[] content) {
    try {
      Path dir = Files.createTempDirectory(folder, "upload");
      return Files.write(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A one-page PDF that readers open (a catalog, a page, a font, its text, and the offsets of
   * each).
   */
  static byte[] pdf(String text) {
    String content = "BT /F1 12 Tf 20 100 Td (" + text.replaceAll("[()\\\\]", "") + ") Tj ET";
    List<String> objects =
        List.of(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 144] /Contents 4 0 R"
                + " /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Integer> offsets = new ArrayList<>();
    write(out, "%PDF-1.4\n");
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(out.size());
      write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
    }
    int xref = out.size();
    write(out, "xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
    offsets.forEach(o -> write(out, String.format("%010d 00000 n \n", o)));
    write(
        out,
        "trailer\n<< /Size "
            + (objects.size() + 1)
            + " /Root 1 0 R >>\nstartxref\n"
            + xref
            + "\n%%EOF\n");
    return out.toByteArray();
  }

  /** A PDF of exactly {@code size} bytes: a real one, padded with a comment before its end. */
  static byte[] pdf(int size) {
    byte[] head = pdf("large");
    byte[] padded = Arrays.copyOf(head, size);
    Arrays.fill(padded, head.length, size, (byte) ' ');
    padded[head.length] = '%';
    return padded;
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertAccessible(WebDriver browser) {
    Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(browser);
    assertTrue(results.violationFree(), PublicPageBrowserIT.describe(results.getViolations()));
  }
}
