package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Database;
import tw.gov.civitas.it.support.Multipart;
import tw.gov.civitas.it.support.Ports;

/**
 * Uploads: type by content, alt text for images, renditions, documents, size limit, references from
 * content.
 */
@ArquillianTest
class MediaIT {

  private static final String UPLOAD = "/api/v1/manage/sites/transportation/media";
  private static final String[] WEBMASTER = Api.bearer("transportation-webmaster");
  static final byte[] PDF =
      ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
              + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
          .getBytes(StandardCharsets.ISO_8859_1);

  static byte[] png(int width, int height) throws Exception {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(11, 83, 148));
    g.fillRect(0, 0, width / 2, height);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  private static long mediaCount() {
    return Database.count("select count(*) from media");
  }

  @Test
  void anImageWithAltTextGetsRenditionsServedWithItsRealType() throws Exception {
    HttpResponse<String> r =
        new Multipart()
            .file("file", "路線圖.png", "image/png", png(2000, 1000))
            .field("alt", "綠線路線圖")
            .field("altEn", "Green Line route map")
            .post(UPLOAD, WEBMASTER);
    assertEquals(201, r.statusCode(), r.body());
    JsonObject m = Api.json(r);
    assertEquals("image", m.getString("kind"));
    assertEquals("image/png", m.getString("mediaType"));
    assertEquals("路線圖.png", m.getString("fileName"));
    assertEquals(2000, m.getInt("width"));
    assertEquals(
        List.of(320, 800, 1600),
        List.of("thumbnail", "medium", "large").stream()
            .map(k -> m.getJsonObject("renditions").getJsonObject(k).getInt("width"))
            .toList());
    assertEquals("綠線路線圖", m.getJsonObject("alt").getString("zh-TW"));

    HttpResponse<byte[]> thumb =
        Api.sendBytes(
            HttpRequest.newBuilder(
                    URI.create(Ports.BASE_URL + m.getJsonObject("urls").getString("thumbnail")))
                .GET());
    assertEquals(200, thumb.statusCode());
    assertEquals("image/png", thumb.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("nosniff", thumb.headers().firstValue("X-Content-Type-Options").orElseThrow());
    assertEquals(320, ImageIO.read(new ByteArrayInputStream(thumb.body())).getWidth());

    // content can show it
    String slug = "with-image-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> news =
        Api.post(
            "/api/v1/manage/sites/transportation/content",
            """
        {"type": "news", "slug": "%s", "fields": {"title": "附圖新聞", "image": "%s"}}"""
                .formatted(slug, m.getString("id")),
            WEBMASTER);
    assertEquals(201, news.statusCode(), news.body());
    HttpResponse<String> bogus =
        Api.post(
            "/api/v1/manage/sites/transportation/content",
            """
        {"type": "news", "slug": "%s-x", "fields": {"title": "錯圖", "image": "m00000000000000000000"}}"""
                .formatted(slug),
            WEBMASTER);
    assertEquals(400, bogus.statusCode());
    assertEquals(
        "fields.image", Api.json(bogus).getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  @Test
  void anImageWithoutAltTextIsRefused() throws Exception {
    long before = mediaCount();
    HttpResponse<String> r =
        new Multipart().file("file", "x.png", "image/png", png(50, 50)).post(UPLOAD, WEBMASTER);
    assertEquals(400, r.statusCode(), r.body());
    assertEquals("alt", Api.json(r).getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals(before, mediaCount());
  }

  @Test
  void aPdfIsKeptAsADocumentWhateverItsNameAndCanBeAttached() {
    HttpResponse<String> r =
        new Multipart()
            .file("file", "../../報告.exe", "application/octet-stream", PDF)
            .field("title", "年度報告")
            .post(UPLOAD, WEBMASTER);
    assertEquals(201, r.statusCode(), r.body());
    JsonObject m = Api.json(r);
    assertEquals("document", m.getString("kind"));
    assertEquals("application/pdf", m.getString("mediaType"));
    assertEquals("報告.pdf", m.getString("fileName"));

    String slug = "dl-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> download =
        Api.post(
            "/api/v1/manage/sites/transportation/content",
            """
        {"type": "download", "slug": "%s", "fields": {"title": "下載專區", "attachments": [{"file": "%s", "label": "年報"}]}}"""
                .formatted(slug, m.getString("id")),
            WEBMASTER);
    assertEquals(201, download.statusCode(), download.body());
    HttpResponse<String> empty =
        Api.post(
            "/api/v1/manage/sites/transportation/content",
            """
        {"type": "download", "slug": "%s-e", "fields": {"title": "空的", "attachments": []}}"""
                .formatted(slug),
            WEBMASTER);
    assertEquals(400, empty.statusCode(), empty.body());
  }

  @Test
  void contentThatIsNotAnAcceptedTypeGets415AndNothingIsStored() {
    long before = mediaCount();
    HttpResponse<String> html =
        new Multipart()
            .file(
                "file",
                "photo.jpg",
                "image/jpeg",
                "<html><body><script>alert(1)</script></body></html>"
                    .getBytes(StandardCharsets.UTF_8))
            .field("alt", "x")
            .post(UPLOAD, WEBMASTER);
    assertEquals(415, html.statusCode(), html.body());
    assertEquals(
        "application/problem+json", html.headers().firstValue("Content-Type").orElseThrow());
    HttpResponse<String> svg =
        new Multipart()
            .file(
                "file",
                "logo.png",
                "image/png",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
                    .getBytes(StandardCharsets.UTF_8))
            .field("alt", "x")
            .post(UPLOAD, WEBMASTER);
    assertEquals(415, svg.statusCode(), svg.body());
    assertEquals(before, mediaCount());
  }

  @Test
  void anOversizeUploadGets413AndNothingIsStored() {
    long before = mediaCount();
    byte[] big = new byte[21 * 1024 * 1024];
    System.arraycopy(PDF, 0, big, 0, PDF.length);
    HttpResponse<String> r =
        new Multipart().file("file", "big.pdf", "application/pdf", big).post(UPLOAD, WEBMASTER);
    assertEquals(413, r.statusCode(), r.body());
    assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(before, mediaCount());
  }

  @Test
  void anotherAgencyCannotUploadHere() throws Exception {
    HttpResponse<String> r =
        new Multipart()
            .file("file", "x.png", "image/png", png(20, 20))
            .field("alt", "x")
            .post(UPLOAD, Api.bearer("xitun-webmaster"));
    assertEquals(403, r.statusCode(), r.body());
  }

  @Test
  void aReplacedPictureKeepsItsIdAndEveryPageShowsTheNewOneAtANewAddress() throws Exception {
    HttpResponse<String> up =
        new Multipart()
            .file("file", "舊圖.png", "image/png", png(900, 600))
            .field("alt", "改道示意圖")
            .post(UPLOAD, WEBMASTER);
    assertEquals(201, up.statusCode(), up.body());
    String id = Api.json(up).getString("id");
    String slug = "replaced-" + UUID.randomUUID().toString().substring(0, 8);
    String content = "/api/v1/manage/sites/transportation/content";
    assertEquals(
        201,
        Api.post(
                content,
                "{\"type\": \"news\", \"slug\": \""
                    + slug
                    + "\", \"fields\": {\"title\": \"換圖的新聞\", \"image\": \""
                    + id
                    + "\"}}",
                WEBMASTER)
            .statusCode());
    assertEquals(
        200,
        Api.post(content + "/" + slug + "/transitions", "{\"action\": \"publish\"}", WEBMASTER)
            .statusCode());
    String page = "/sites/transportation/" + slug;
    String first = "/media/transportation/" + id + "/medium";
    assertTrue(Api.get(page).body().contains(first + "\""), Api.get(page).body());

    // another kind of file is refused, and nothing changes
    HttpResponse<String> pdf =
        new Multipart()
            .file("file", "說明.pdf", "application/pdf", PDF)
            .put(UPLOAD + "/" + id, WEBMASTER);
    assertEquals(400, pdf.statusCode(), pdf.body());
    assertEquals(
        1, Database.count("select version from media where id = ?", id), "still the first version");
    // another site's file is not this site's to replace
    assertEquals(
        404,
        new Multipart()
            .file("file", "新圖.png", "image/png", png(1200, 800))
            .put("/api/v1/manage/sites/xitun-district/media/" + id, Api.bearer("platform-admin"))
            .statusCode());

    byte[] fresh = png(1200, 800);
    HttpResponse<String> replaced =
        new Multipart()
            .file("file", "新圖.png", "image/png", fresh)
            .put(UPLOAD + "/" + id, Api.bearer("transportation-editor"));
    assertEquals(200, replaced.statusCode(), replaced.body());
    JsonObject view = Api.json(replaced);
    assertEquals(id, view.getString("id"));
    assertEquals(1200, view.getInt("width"));
    assertEquals(
        "改道示意圖", view.getJsonObject("alt").getString("zh-TW"), "the alternative text stays");
    String original = view.getJsonObject("urls").getString("original");
    assertEquals("/media/transportation/" + id + "/original?v=2", original);

    // the published page names the new version; the new bytes are served, for good at that address
    String html = Api.get(page).body();
    assertTrue(html.contains("/media/transportation/" + id + "/medium?v=2"), html);
    HttpResponse<byte[]> bytes =
        Api.sendBytes(HttpRequest.newBuilder(URI.create(Ports.BASE_URL + original)).GET());
    assertEquals(200, bytes.statusCode());
    assertTrue(java.util.Arrays.equals(fresh, bytes.body()), "the new file's bytes");
    assertTrue(
        bytes.headers().firstValue("Cache-Control").orElse("").contains("immutable"),
        bytes.headers().toString());
    // the old address (a page someone kept) gets the new file, revalidated rather than kept a year
    HttpResponse<byte[]> old =
        Api.sendBytes(
            HttpRequest.newBuilder(
                    URI.create(Ports.BASE_URL + "/media/transportation/" + id + "/original"))
                .GET());
    assertTrue(java.util.Arrays.equals(fresh, old.body()));
    assertFalse(old.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
    assertEquals(
        1,
        Database.count(
            "select count(*) from audit_event where action = 'media.replace' and entity_id = ?",
            id));
  }
}
