package tw.gov.civitas.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BiConsumer;

/**
 * Headers every public response carries: no sniffing, no framing, no inline script, HSTS over
 * https. Cache hits answered before servlet dispatch get them from {@link #apply} too.
 */
public class SecurityHeaders extends HttpFilter {

  private static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
          + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

  /** Sets the security headers of a response to a request that came over https or not. */
  public static void apply(boolean secure, BiConsumer<String, String> header) {
    header.accept("X-Content-Type-Options", "nosniff");
    header.accept("Referrer-Policy", "strict-origin-when-cross-origin");
    header.accept("Content-Security-Policy", CSP);
    if (secure) {
      header.accept("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    apply(req.isSecure(), resp::setHeader);
    chain.doFilter(req, resp);
  }
}
