package tw.gov.civitas.editor;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Remembers the language a user chose with {@code ?lang=en|zh-TW} for the editor's next pages. */
@WebFilter(urlPatterns = "/*")
public class EditorLanguageFilter extends HttpFilter {

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    // Reading a parameter parses the form: it must be read as UTF-8 (what every editor page is),
    // before the container falls back to ISO-8859-1 for the rest of the request.
    if (req.getCharacterEncoding() == null) {
      req.setCharacterEncoding("UTF-8");
    }
    String asked = req.getParameter("lang");
    if ("en".equals(asked) || "zh-TW".equals(asked)) {
      Cookie c = new Cookie(EditorLanguage.COOKIE, asked);
      c.setPath(req.getContextPath() + "/");
      c.setHttpOnly(true);
      c.setSecure(req.isSecure());
      c.setMaxAge(365 * 24 * 3600);
      c.setAttribute("SameSite", "Lax");
      resp.addCookie(c);
    }
    chain.doFilter(req, resp);
  }
}
