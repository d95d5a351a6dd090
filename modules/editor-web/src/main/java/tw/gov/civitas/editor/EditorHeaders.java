package tw.gov.civitas.editor;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Editor pages: never framed, never cached, no sniffing (PrimeFaces sets the script CSP with
 * nonces). Password guessing is stopped at the login page itself: the realm has Keycloak's
 * brute-force detection on.
 */
@WebFilter(urlPatterns = "/*")
public class EditorHeaders extends HttpFilter {

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setHeader("X-Frame-Options", "DENY");
    resp.setHeader("Referrer-Policy", "same-origin");
    resp.setHeader("Cache-Control", "no-store");
    if (req.isSecure()) {
      resp.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    chain.doFilter(req, resp);
  }
}
