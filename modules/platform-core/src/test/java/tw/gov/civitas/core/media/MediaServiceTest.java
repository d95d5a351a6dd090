package tw.gov.civitas.core.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class MediaServiceTest {

  @Test
  void theTypeComesFromTheBytesNotTheName() throws Exception {
    BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(img, "png", png);
    assertEquals("image/png", MediaService.detect(png.toByteArray()));
    assertEquals(
        "application/pdf",
        MediaService.detect("%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1)));
    String svg =
        MediaService.detect(
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8));
    assertFalse(
        MediaService.IMAGES.containsKey(svg) || MediaService.DOCUMENTS.containsKey(svg), svg);
    String script =
        MediaService.detect(
            "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
    assertFalse(MediaService.IMAGES.containsKey(script), script);
  }

  @Test
  void fileNamesLoseFoldersAndTakeTheDetectedExtension() {
    assertEquals("passwd.pdf", MediaService.safeFileName("../../etc/passwd", "pdf"));
    assertEquals("報告.pdf", MediaService.safeFileName("C:\\Users\\x\\報告.exe", "pdf"));
    assertEquals("file.png", MediaService.safeFileName("...", "png"));
    assertEquals("ab.jpg", MediaService.safeFileName("a\u0000b;.jpg", "jpg"));
    assertTrue(MediaService.safeFileName("x".repeat(400) + ".pdf", "pdf").length() <= 204);
  }
}
