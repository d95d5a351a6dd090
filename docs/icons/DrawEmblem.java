import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the city emblem of the base theme (a white ring on the civic blue, with the character 中
 * drawn as strokes, so no font is needed) as favicon.svg, favicon.ico (32 px PNG inside),
 * icon-192.png and icon-512.png. Run: {@code java docs/icons/DrawEmblem.java themes/civic/assets}.
 * Shapes are given on a 64-unit grid, the SVG's viewBox.
 */
public class DrawEmblem {

  static final String BLUE = "#0b5394";
  static final double CORNER = 12, RING_R = 24, RING_W = 4;
  // 中: a box (x, y, w, h, stroke) and a vertical stroke through it
  static final double BOX_X = 19, BOX_Y = 23, BOX_W = 26, BOX_H = 16, STROKE = 4.5;
  static final double BAR_X = 32 - STROKE / 2, BAR_Y = 14, BAR_H = 36;

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "themes/civic/assets");
    Files.writeString(dir.resolve("favicon.svg"), svg(), StandardCharsets.UTF_8);
    Files.write(dir.resolve("icon-192.png"), png(192));
    Files.write(dir.resolve("icon-512.png"), png(512));
    Files.write(dir.resolve("favicon.ico"), ico(png(32), 32));
  }

  static String svg() {
    return """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img" aria-label="臺中市政府">
          <rect width="64" height="64" rx="%s" fill="%s"/>
          <circle cx="32" cy="32" r="%s" fill="none" stroke="#fff" stroke-width="%s"/>
          <rect x="%s" y="%s" width="%s" height="%s" fill="none" stroke="#fff" stroke-width="%s"/>
          <rect x="%s" y="%s" width="%s" height="%s" fill="#fff"/>
        </svg>
        """
        .formatted(
            n(CORNER), BLUE, n(RING_R), n(RING_W), n(BOX_X), n(BOX_Y), n(BOX_W), n(BOX_H),
            n(STROKE), n(BAR_X), n(BAR_Y), n(STROKE), n(BAR_H));
  }

  static String n(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  static byte[] png(int size) throws IOException {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.scale(size / 64.0, size / 64.0);
    g.setColor(Color.decode(BLUE));
    g.fill(new RoundRectangle2D.Double(0, 0, 64, 64, CORNER * 2, CORNER * 2));
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke((float) RING_W));
    g.draw(new Ellipse2D.Double(32 - RING_R, 32 - RING_R, RING_R * 2, RING_R * 2));
    g.setStroke(new BasicStroke((float) STROKE));
    g.draw(new java.awt.geom.Rectangle2D.Double(BOX_X, BOX_Y, BOX_W, BOX_H));
    g.fill(new java.awt.geom.Rectangle2D.Double(BAR_X, BAR_Y, STROKE, BAR_H));
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** An ICO file holding one PNG image (every current browser reads PNG-in-ICO). */
  static byte[] ico(byte[] png, int size) {
    ByteBuffer b = ByteBuffer.allocate(6 + 16 + png.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putShort((short) 0).putShort((short) 1).putShort((short) 1); // reserved, type icon, 1 image
    b.put((byte) size).put((byte) size).put((byte) 0).put((byte) 0); // w, h, palette, reserved
    b.putShort((short) 1).putShort((short) 32); // colour planes, bits per pixel
    b.putInt(png.length).putInt(6 + 16);
    b.put(png);
    return b.array();
  }
}
