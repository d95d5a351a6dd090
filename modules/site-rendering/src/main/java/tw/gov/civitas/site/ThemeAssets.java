package tw.gov.civitas.site;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Static files of themes: {@code /themes/<theme>/assets/<file>}, from the themes jar, cached for a
 * day.
 */
@WebServlet(urlPatterns = "/themes/*")
public class ThemeAssets extends HttpServlet {

  private static final Pattern SAFE =
      Pattern.compile("/[a-z0-9-]+/assets/[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
  private static final Map<String, String> TYPES =
      Map.of(
          "css",
          "text/css;charset=UTF-8",
          "js",
          "text/javascript;charset=UTF-8",
          "svg",
          "image/svg+xml",
          "png",
          "image/png",
          "jpg",
          "image/jpeg",
          "webp",
          "image/webp",
          "woff2",
          "font/woff2",
          "ico",
          "image/x-icon");

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo();
    // Only plain names: no "..", no encoded tricks reach the class loader.
    if (path == null || !SAFE.matcher(path).matches() || path.contains("..")) {
      resp.sendError(404);
      return;
    }
    String ext = path.substring(path.lastIndexOf('.') + 1);
    String type = TYPES.get(ext);
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("themes" + path)) {
      if (in == null || type == null) {
        resp.sendError(404);
        return;
      }
      resp.setContentType(type);
      resp.setHeader("Cache-Control", "public, max-age=86400");
      in.transferTo(resp.getOutputStream());
    }
  }
}
