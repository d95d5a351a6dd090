package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Ports;

/**
 * Compressed delivery: a site page, an item as JSON and a theme stylesheet come as brotli, gzip or
 * identity by Accept-Encoding, each decoding to the identity bytes, with {@code Vary:
 * Accept-Encoding}, an entity tag per coding, 304 and HEAD; what the cache does not hold is gzipped
 * by the server, images never; theme assets by content hash, the favicon and the manifest.
 */
@ArquillianTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompressionIT {

  private static final String SITE = "transportation";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** What each Accept-Encoding must get (null: identity). */
  private static final List<String[]> NEGOTIATION =
      List.of(
          new String[] {"br", "br"},
          new String[] {"gzip", "gzip"},
          new String[] {"gzip, deflate, br", "br"},
          new String[] {"br;q=0.5, gzip;q=0.8", "gzip"},
          new String[] {"br;q=0, gzip", "gzip"},
          new String[] {"*", "br"},
          new String[] {"br;q=0, gzip;q=0", null},
          new String[] {"identity", null});

  private String slug;

  record Reply(int status, HttpHeaders headers, byte[] body) {
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    /**
     * The content coding, null for none. Undertow's gzip filter labels the answer to an explicit
     * {@code Accept-Encoding: identity} {@code Content-Encoding: identity} (the reserved name of no
     * coding), which means the same.
     */
    String coding() {
      String c = header("Content-Encoding");
      return "identity".equals(c) ? null : c;
    }
  }

  static Reply send(String method, String path, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(Ports.BASE_URL + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static byte[] decode(Reply r) {
    String coding = r.coding();
    try {
      if (coding == null) {
        return r.body();
      }
      if (coding.equals("gzip")) {
        return new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes();
      }
      assertEquals("br", coding);
      return Decoder.decompress(r.body()).getDecompressedData();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeAll
  void publishALongItem() {
    Brotli4jLoader.ensureAvailability();
    slug = "compression-" + UUID.randomUUID().toString().substring(0, 8);
    String paragraph = "<p>臺中市公車路線調整說明：自下月起，部分路線改經市政路與文心路口，請乘客留意站牌公告。</p>";
    String json =
        """
        {"type": "page", "slug": "%s", "fields": {
           "title": {"zh-TW": "公車路線調整", "en": "Bus route changes"},
           "summary": "部分路線改道。",
           "body": "%s"}}
        """
            .formatted(slug, paragraph.repeat(40));
    String[] webmaster = Api.bearer("transportation-webmaster");
    HttpResponse<String> created =
        Api.post("/api/v1/manage/sites/" + SITE + "/content", json, webmaster);
    assertEquals(201, created.statusCode(), created.body());
    HttpResponse<String> published =
        Api.post(
            "/api/v1/manage/sites/" + SITE + "/content/" + slug + "/transitions",
            "{\"action\": \"publish\"}",
            webmaster);
    assertEquals(200, published.statusCode(), published.body());
  }

  /**
   * Every coding of one address: the bytes decode to the identity bytes, the headers say so, each
   * coding has its own entity tag, which gets a 304 for that coding only, and HEAD tells the same.
   */
  private void negotiates(String path, boolean cached) {
    Reply identity = send("GET", path);
    assertEquals(200, identity.status(), path);
    assertEquals(null, identity.header("Content-Encoding"), path);
    assertTrue(identity.body().length > 1024, path + " is big enough to be compressed");
    Set<String> etags = new HashSet<>();
    etags.add(identity.header("ETag"));
    for (String[] n : NEGOTIATION) {
      String ae = n[0];
      String what = path + " with Accept-Encoding: " + ae;
      Reply r = send("GET", path, "Accept-Encoding", ae);
      assertEquals(200, r.status(), what);
      assertEquals(n[1], r.coding(), what);
      assertTrue(
          r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")),
          what + ": Vary " + r.headers().allValues("Vary"));
      assertArrayEquals(identity.body(), decode(r), what);
      assertEquals(identity.header("Content-Type"), r.header("Content-Type"), what);
      assertEquals(String.valueOf(r.body().length), r.header("Content-Length"), what);
      if (cached) {
        assertEquals("hit", r.header("X-Civitas-Cache"), what);
      }
      if (n[1] != null) {
        assertTrue(r.body().length < identity.body().length / 2, what + " is compressed");
      }
      String etag = r.header("ETag");
      assertTrue(etag != null && etag.startsWith("\""), what + ": " + etag);
      if (n[1] == null) {
        assertEquals(identity.header("ETag"), etag, what);
      } else {
        etags.add(etag);
      }

      Reply notModified = send("GET", path, "Accept-Encoding", ae, "If-None-Match", etag);
      assertEquals(304, notModified.status(), what);
      assertEquals(0, notModified.body().length, what);
      assertEquals(etag, notModified.header("ETag"), what);

      Reply head = send("HEAD", path, "Accept-Encoding", ae);
      assertEquals(200, head.status(), what + " HEAD");
      assertEquals(0, head.body().length, what + " HEAD");
      assertEquals(n[1], head.coding(), what + " HEAD");
      assertEquals(etag, head.header("ETag"), what + " HEAD");
    }
    assertEquals(3, etags.size(), path + ": one entity tag per coding " + etags);
    // a copy in another coding is another representation: sent in full
    Reply other =
        send("GET", path, "Accept-Encoding", "br", "If-None-Match", identity.header("ETag"));
    assertEquals(200, other.status(), path);
    assertEquals("br", other.header("Content-Encoding"), path);
  }

  @Test
  void anItemAsJsonIsStoredCompressedOnItsFirstRequest() {
    String path = "/api/v1/sites/" + SITE + "/content/" + slug;
    Reply first = send("GET", path, "Accept-Encoding", "br");
    assertEquals(200, first.status());
    assertEquals("miss", first.header("X-Civitas-Cache"));
    assertEquals("br", first.header("Content-Encoding"));
    JsonObject item =
        Json.createReader(new StringReader(new String(decode(first), StandardCharsets.UTF_8)))
            .readObject();
    assertEquals(slug, item.getString("slug"));
    negotiates(path, true);
  }

  @Test
  void sitePagesComeInEveryCoding() {
    negotiates("/sites/" + SITE + "/", true);
    negotiates("/sites/" + SITE + "/" + slug, true);
  }

  @Test
  void themeStylesheetsAreLinkedByContentHashAndPrecompressed() {
    String home = new String(send("GET", "/sites/" + SITE + "/").body(), StandardCharsets.UTF_8);
    Matcher css =
        Pattern.compile(
                "<link rel=\"stylesheet\" href=\"(/themes/civic/assets/civic\\.([0-9a-f]{10})\\.css)\">")
            .matcher(home);
    assertTrue(css.find(), home);
    String fingerprinted = css.group(1);
    negotiates(fingerprinted, false);
    Reply r = send("GET", fingerprinted, "Accept-Encoding", "gzip");
    assertEquals("public, max-age=31536000, immutable", r.header("Cache-Control"));
    assertTrue(r.header("Content-Type").startsWith("text/css"), r.header("Content-Type"));

    Reply plain = send("GET", "/themes/civic/assets/civic.css");
    assertEquals(200, plain.status());
    assertEquals("public, max-age=3600", plain.header("Cache-Control"));
    assertArrayEquals(plain.body(), send("GET", fingerprinted).body());

    String wrong = css.group(2).equals("0000000000") ? "1111111111" : "0000000000";
    assertEquals(404, send("GET", "/themes/civic/assets/civic." + wrong + ".css").status());
  }

  @Test
  void whatTheCacheDoesNotHoldIsGzippedByTheServerButImagesNever() {
    String path = "/sites/" + SITE + "/no-such-page-" + slug;
    Reply identity = send("GET", path);
    assertEquals(404, identity.status());
    assertTrue(identity.body().length > 1024, "the themed 404 page is big enough to compress");
    Reply gz = send("GET", path, "Accept-Encoding", "gzip");
    assertEquals(404, gz.status());
    assertEquals("gzip", gz.header("Content-Encoding"));
    assertArrayEquals(identity.body(), decode(gz));

    Reply png = send("GET", "/themes/civic/assets/icon-512.png", "Accept-Encoding", "br, gzip");
    assertEquals(200, png.status());
    assertEquals("image/png", png.header("Content-Type"));
    assertEquals(null, png.header("Content-Encoding"));
    assertEquals((byte) 0x89, png.body()[0]);
    assertEquals('P', png.body()[1]);
  }

  @Test
  void editorPagesAreNeverCompressedButTheirStylesheetsAndScriptsAre() {
    String[] auth = Api.bearer("transportation-editor");
    Reply page =
        send("GET", "/editor/site.xhtml?site=" + SITE, "Accept-Encoding", "gzip", auth[0], auth[1]);
    assertEquals(200, page.status());
    // the page carries the form's tokens next to what the user typed (BREACH): never compressed
    assertEquals(null, page.coding());
    assertEquals("no-store", page.header("Cache-Control"));
    String html = new String(page.body(), StandardCharsets.UTF_8);
    Matcher resource =
        Pattern.compile("(?:href|src)=\"(/editor/jakarta\\.faces\\.resource/[^\"]+\\.js[^\"]*)\"")
            .matcher(html);
    assertTrue(resource.find(), html);
    String url = resource.group(1).replace("&amp;", "&");
    Reply script = send("GET", url, "Accept-Encoding", "gzip", auth[0], auth[1]);
    assertEquals(200, script.status(), url);
    assertEquals("gzip", script.coding(), url);
    // the editor's own script has no version in its address: revalidated, never a week late
    assertTrue(url.contains("ln=editor"), url);
    assertEquals("no-cache", script.header("Cache-Control"), url);
  }

  @Test
  void theFaviconIsAnsweredAtTheRootAndLinkedFromEveryPage() {
    Reply ico = send("GET", "/favicon.ico");
    assertEquals(200, ico.status());
    assertEquals("image/x-icon", ico.header("Content-Type"));
    // ICONDIR: reserved 0, type 1 (icon)
    assertEquals(0, ico.body()[0]);
    assertEquals(0, ico.body()[1]);
    assertEquals(1, ico.body()[2]);
    assertEquals(0, ico.body()[3]);
    String home = new String(send("GET", "/sites/" + SITE + "/").body(), StandardCharsets.UTF_8);
    Matcher svg =
        Pattern.compile(
                "<link rel=\"icon\" href=\"(/themes/civic/assets/favicon\\.[0-9a-f]{10}\\.svg)\"")
            .matcher(home);
    assertTrue(svg.find(), home);
    Reply icon = send("GET", svg.group(1));
    assertEquals(200, icon.status());
    assertEquals("image/svg+xml", icon.header("Content-Type"));
    assertTrue(new String(icon.body(), StandardCharsets.UTF_8).startsWith("<svg"));
    assertTrue(
        home.contains("<link rel=\"manifest\" href=\"/sites/" + SITE + "/manifest.webmanifest\">"),
        home);
  }

  @Test
  void eachSiteHasAWebAppManifestInItsLanguage() {
    Reply zh = send("GET", "/sites/" + SITE + "/manifest.webmanifest");
    assertEquals(200, zh.status());
    assertTrue(
        zh.header("Content-Type").startsWith("application/manifest+json"),
        zh.header("Content-Type"));
    JsonObject m =
        Json.createReader(new StringReader(new String(zh.body(), StandardCharsets.UTF_8)))
            .readObject();
    assertEquals("zh-Hant-TW", m.getString("lang"));
    assertEquals("standalone", m.getString("display"));
    assertEquals("/sites/" + SITE + "/", m.getString("start_url"));
    assertEquals("#0b5394", m.getString("theme_color"));
    assertTrue(m.getString("name").contains("交通"), m.toString());
    assertTrue(
        m.getString("short_name").codePointCount(0, m.getString("short_name").length()) <= 12);
    List<JsonObject> icons = m.getJsonArray("icons").getValuesAs(JsonObject.class);
    assertEquals(
        Set.of("192x192", "512x512", "any"),
        Set.copyOf(icons.stream().map(i -> i.getString("sizes")).toList()));
    for (JsonObject icon : icons) {
      Reply r = send("GET", icon.getString("src"));
      assertEquals(200, r.status(), icon.toString());
      assertEquals(icon.getString("type"), r.header("Content-Type"), icon.toString());
      assertEquals("public, max-age=31536000, immutable", r.header("Cache-Control"));
    }

    Reply en = send("GET", "/sites/" + SITE + "/manifest.webmanifest?lang=en");
    JsonObject english =
        Json.createReader(new StringReader(new String(en.body(), StandardCharsets.UTF_8)))
            .readObject();
    assertEquals("en", english.getString("lang"));
    assertEquals("/sites/" + SITE + "/?lang=en", english.getString("start_url"));
    assertNotEquals(m.getString("name"), english.getString("name"));
    assertFalse(english.getString("name").isBlank());
  }
}
