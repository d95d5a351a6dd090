package tw.gov.civitas.core.provisioning;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * The files behind demo items, made on the spot so that nothing binary sits in the repository: PNG
 * banners (a brand colour and large text) and OpenDocument files, the open formats Taiwan's
 * agencies must offer.
 */
final class DemoFiles {

  static final String ODT = "application/vnd.oasis.opendocument.text";
  static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";

  private DemoFiles() {}

  /**
   * A banner with {@code headline} and {@code agency} in white on {@code colour}. Servers often
   * have no CJK font: a text the font cannot show is replaced by its English version, so a banner
   * never shows empty boxes.
   */
  static byte[] banner(
      int width,
      int height,
      String colour,
      String headlineZh,
      String headlineEn,
      String agencyZh,
      String agencyEn) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      Color brand = Color.decode(colour);
      g.setColor(brand);
      g.fillRect(0, 0, width, height);
      g.setColor(brand.darker());
      g.fillRect(0, height - height / 6, width, height / 6);
      g.fillOval(width - height, -height / 3, height * 4 / 3, height * 4 / 3);

      Font big = new Font(Font.SANS_SERIF, Font.BOLD, height / 5);
      Font small = new Font(Font.SANS_SERIF, Font.PLAIN, height / 12);
      String headline = displayable(big, headlineZh, headlineEn);
      String agency = displayable(small, agencyZh, agencyEn);
      String label = displayable(small, "示範資料 DEMO", "DEMO");
      g.setColor(Color.WHITE);
      g.setFont(fitted(g, big, headline, width * 9 / 10));
      g.drawString(headline, width / 20, height / 2);
      g.setFont(small);
      g.drawString(agency, width / 20, height / 2 + height / 6);
      FontMetrics m = g.getFontMetrics();
      g.drawString(
          label,
          width - width / 20 - m.stringWidth(label),
          height - height / 12 + m.getAscent() / 3);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String displayable(Font font, String preferred, String fallback) {
    return preferred != null && font.canDisplayUpTo(preferred) == -1 ? preferred : fallback;
  }

  private static Font fitted(Graphics2D g, Font font, String text, int maxWidth) {
    Font f = font;
    while (f.getSize() > 12 && g.getFontMetrics(f).stringWidth(text) > maxWidth) {
      f = f.deriveFont((float) f.getSize() - 4);
    }
    return f;
  }

  /** A text document: a heading and one paragraph per line. */
  static byte[] textDocument(String title, List<String> lines) {
    StringBuilder body = new StringBuilder();
    body.append("<text:h text:outline-level=\"1\">").append(xml(title)).append("</text:h>");
    for (String line : lines) {
      body.append("<text:p>").append(xml(line)).append("</text:p>");
    }
    return odf(ODT, "<office:text>" + body + "</office:text>");
  }

  /** A spreadsheet of one sheet; numbers become numeric cells. */
  static byte[] spreadsheet(String sheet, List<List<Object>> rows) {
    StringBuilder table =
        new StringBuilder("<table:table table:name=\"").append(xml(sheet)).append("\">");
    for (List<Object> row : rows) {
      table.append("<table:table-row>");
      for (Object cell : row) {
        if (cell instanceof Number n) {
          table
              .append("<table:table-cell office:value-type=\"float\" office:value=\"")
              .append(n)
              .append("\"><text:p>")
              .append(n)
              .append("</text:p></table:table-cell>");
        } else {
          table
              .append("<table:table-cell office:value-type=\"string\"><text:p>")
              .append(xml(String.valueOf(cell)))
              .append("</text:p></table:table-cell>");
        }
      }
      table.append("</table:table-row>");
    }
    table.append("</table:table>");
    return odf(ODS, "<office:spreadsheet>" + table + "</office:spreadsheet>");
  }

  /**
   * An ODF package: the uncompressed {@code mimetype} entry first (that is how readers, and the
   * upload's type detection, recognise it), then the manifest and the content.
   */
  private static byte[] odf(String mediaType, String body) {
    String content =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<office:document-content"
            + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
            + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
            + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
            + " office:version=\"1.2\"><office:body>"
            + body
            + "</office:body></office:document-content>";
    String manifest =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<manifest:manifest"
            + " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
            + " manifest:version=\"1.2\">"
            + "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\""
            + " manifest:media-type=\""
            + mediaType
            + "\"/>"
            + "<manifest:file-entry manifest:full-path=\"content.xml\""
            + " manifest:media-type=\"text/xml\"/>"
            + "</manifest:manifest>";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      byte[] type = mediaType.getBytes(StandardCharsets.US_ASCII);
      ZipEntry mimetype = new ZipEntry("mimetype");
      mimetype.setMethod(ZipEntry.STORED);
      mimetype.setSize(type.length);
      mimetype.setCompressedSize(type.length);
      CRC32 crc = new CRC32();
      crc.update(type);
      mimetype.setCrc(crc.getValue());
      zip.putNextEntry(mimetype);
      zip.write(type);
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
      zip.write(manifest.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("content.xml"));
      zip.write(content.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
