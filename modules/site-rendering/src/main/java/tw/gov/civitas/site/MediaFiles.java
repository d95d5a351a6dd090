package tw.gov.civitas.site;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tw.gov.civitas.core.media.Media;
import tw.gov.civitas.core.media.MediaService;

/**
 * Public media: {@code /media/<site>/<id>/<original|thumbnail|medium|large>}. The type sent is the
 * one detected at upload; ids never repeat, so responses are cached for a year.
 */
@WebServlet(urlPatterns = "/media/*")
public class MediaFiles extends HttpServlet {

  private static final Pattern PATH =
      Pattern.compile("/([a-z0-9-]{1,64})/(m[a-f0-9]{20})/([a-z]{1,20})");
  private static final Set<String> VARIANTS = Set.of("original", "thumbnail", "medium", "large");

  @Inject MediaService media;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    var m = req.getPathInfo() == null ? null : PATH.matcher(req.getPathInfo());
    if (m == null || !m.matches() || !VARIANTS.contains(m.group(3))) {
      resp.sendError(404);
      return;
    }
    Optional<Media> found = media.find(m.group(1), m.group(2));
    if (found.isEmpty()) {
      resp.sendError(404);
      return;
    }
    Media file = found.get();
    String variant = m.group(3);
    String etag = "\"" + file.getSha256().substring(0, 27) + "-" + variant + "\"";
    if (etag.equals(req.getHeader("If-None-Match"))) {
      resp.setStatus(304);
      return;
    }
    try (InputStream in = media.open(file, variant)) {
      if (in == null) {
        resp.sendError(404);
        return;
      }
      resp.setContentType(MediaService.variantType(file, variant));
      resp.setHeader("ETag", etag);
      // an address names its version: the current one's bytes never change; an older address of a
      // replaced file (a page someone kept) is answered with the new bytes, and revalidated
      boolean current =
          file.getVersion() == 1
              ? req.getParameter("v") == null
              : String.valueOf(file.getVersion()).equals(req.getParameter("v"));
      resp.setHeader(
          "Cache-Control",
          current ? "public, max-age=31536000, immutable" : "public, max-age=60, must-revalidate");
      resp.setHeader(
          "Content-Disposition",
          ("document".equals(file.getKind()) ? "attachment" : "inline")
              + "; filename*=UTF-8''"
              + URLEncoder.encode(file.getFileName(), StandardCharsets.UTF_8).replace("+", "%20"));
      in.transferTo(resp.getOutputStream());
    }
  }
}
