package tw.gov.civitas.editor;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Editor pages: never framed, never cached, no sniffing (PrimeFaces sets the script CSP with
 * nonces). Password guessing is stopped at the login page itself: the realm has Keycloak's
 * brute-force detection on.
 *
 * <p>Faces resources keep the caching Faces gives them when their address names a version
 * (PrimeFaces': {@code &v=}); the editor's own, unversioned, are revalidated on every use ({@code
 * no-cache}: a 304 while unchanged), so that a new release's script is never a week late.
 */
@WebFilter(urlPatterns = "/*")
public class EditorHeaders extends HttpFilter {

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setHeader("X-Frame-Options", "DENY");
    resp.setHeader("Referrer-Policy", "same-origin");
    if (req.isSecure()) {
      resp.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    if (!req.getServletPath().startsWith("/jakarta.faces.resource/")) {
      resp.setHeader("Cache-Control", "no-store");
      chain.doFilter(req, resp);
    } else if (req.getParameter("v") != null) {
      chain.doFilter(req, resp);
    } else {
      resp.setHeader("Cache-Control", "no-cache");
      chain.doFilter(req, new Revalidated(resp));
    }
  }

  /** A response whose caching headers Faces cannot change. */
  private static final class Revalidated extends HttpServletResponseWrapper {

    Revalidated(HttpServletResponse response) {
      super(response);
    }

    private static boolean caching(String name) {
      return "Cache-Control".equalsIgnoreCase(name) || "Expires".equalsIgnoreCase(name);
    }

    @Override
    public void setHeader(String name, String value) {
      if (!caching(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!caching(name)) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setDateHeader(String name, long date) {
      if (!caching(name)) {
        super.setDateHeader(name, date);
      }
    }

    @Override
    public void addDateHeader(String name, long date) {
      if (!caching(name)) {
        super.addDateHeader(name, date);
      }
    }
  }
}
