package tw.gov.civitas.web.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tw.gov.civitas.web.http.ContentCodings.Coding.BR;
import static tw.gov.civitas.web.http.ContentCodings.Coding.GZIP;
import static tw.gov.civitas.web.http.ContentCodings.Coding.IDENTITY;

import com.aayushatharva.brotli4j.decoder.Decoder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ContentCodingsTest {

  @Test
  void brotliIsPreferredAtEqualQuality() {
    assertEquals(BR, ContentCodings.choose("gzip, deflate, br", true, true));
    assertEquals(BR, ContentCodings.choose("br;q=1.0, gzip;q=1.0", true, true));
    assertEquals(GZIP, ContentCodings.choose("gzip, deflate", true, true));
    assertEquals(GZIP, ContentCodings.choose("gzip, br", false, true));
  }

  @Test
  void qualitiesDecide() {
    assertEquals(GZIP, ContentCodings.choose("br;q=0.5, gzip;q=0.8", true, true));
    assertEquals(GZIP, ContentCodings.choose("br;q=0, gzip", true, true));
    assertEquals(IDENTITY, ContentCodings.choose("br;q=0, gzip;q=0", true, true));
    assertEquals(IDENTITY, ContentCodings.choose("gzip;q=0.5, identity", true, true));
    assertEquals(BR, ContentCodings.choose("*", true, true));
    assertEquals(GZIP, ContentCodings.choose("*;q=0.3, br;q=0.1", true, true));
    assertEquals(IDENTITY, ContentCodings.choose("br;q=zero", true, true));
  }

  @Test
  void withoutTheHeaderOrAStoredVariantIdentity() {
    assertEquals(IDENTITY, ContentCodings.choose(null, true, true));
    assertEquals(IDENTITY, ContentCodings.choose("", true, true));
    assertEquals(IDENTITY, ContentCodings.choose("identity", true, true));
    assertEquals(IDENTITY, ContentCodings.choose("br, gzip", false, false));
    assertEquals(IDENTITY, ContentCodings.choose("br", false, true));
  }

  @Test
  void eachCodingHasItsOwnEntityTag() {
    assertEquals("\"abc-br\"", BR.etag("\"abc\""));
    assertEquals("\"abc-gzip\"", GZIP.etag("\"abc\""));
    assertEquals("W/\"abc-gzip\"", GZIP.etag("W/\"abc\""));
    assertEquals("\"abc\"", IDENTITY.etag("\"abc\""));
  }

  @Test
  void textIsCompressedImagesAreNot() {
    assertTrue(ContentCodings.compressible("text/html;charset=UTF-8"));
    assertTrue(ContentCodings.compressible("application/json"));
    assertTrue(ContentCodings.compressible("application/problem+json"));
    assertTrue(ContentCodings.compressible("application/atom+xml;charset=UTF-8"));
    assertTrue(ContentCodings.compressible("application/manifest+json"));
    assertTrue(ContentCodings.compressible("image/svg+xml"));
    assertFalse(ContentCodings.compressible("image/png"));
    assertFalse(ContentCodings.compressible("font/woff2"));
    assertFalse(ContentCodings.compressible("application/pdf"));
    assertFalse(ContentCodings.compressible(null));
  }

  @Test
  void compressedBytesDecodeToTheOriginal() throws Exception {
    byte[] body = "<p>臺中市政府 新聞稿</p>\n".repeat(200).getBytes(StandardCharsets.UTF_8);
    byte[] gz = ContentCodings.gzip(body);
    assertTrue(gz.length < body.length / 4);
    assertArrayEquals(body, new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes());
    assertTrue(ContentCodings.brotliAvailable(), "brotli4j's linux-x86_64 native must load");
    byte[] br = ContentCodings.brotli(body, 9);
    assertTrue(br.length < gz.length);
    assertArrayEquals(body, Decoder.decompress(br).getDecompressedData());
  }
}
