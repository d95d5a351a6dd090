package tw.gov.civitas.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Refuses URLs carrying a NUL byte ({@code %00}): no site key, slug or search has one, and
 * PostgreSQL would reject it deep inside a query.
 */
public class InputSanity extends HttpFilter {

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    String uri = req.getRequestURI();
    String query = req.getQueryString();
    if (uri.toLowerCase(Locale.ROOT).contains("%00")
        || query != null && query.toLowerCase(Locale.ROOT).contains("%00")
        || uri.indexOf('\u0000') >= 0) {
      if (uri.startsWith("/api/")) {
        Problems.write(
            resp, 400, "bad-request", "Bad request", "The URL contains a NUL character.");
      } else {
        resp.sendError(400);
      }
      return;
    }
    chain.doFilter(req, resp);
  }
}
