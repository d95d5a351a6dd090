package tw.gov.civitas.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import tw.gov.civitas.web.http.Problems;

/**
 * The error page for errors the servlet container answers itself (a path Undertow could not decode
 * into UTF-8, a path no servlet maps, a failure outside JAX-RS): problem+json under {@code /api/},
 * where every error is a problem detail, and the themed HTML page everywhere else.
 */
@WebServlet("/errors/status")
public class ErrorPages extends HttpServlet {

  private static final Map<Integer, String[]> PROBLEMS =
      Map.of(
          400,
              new String[] {
                "bad-request",
                "Bad request",
                "The request or its address is not valid (e.g. a malformed percent-encoding)."
              },
          404, new String[] {"not-found", "Not found", "Nothing is served at this address."},
          500,
              new String[] {
                "internal-error", "Internal error", "The request could not be completed."
              });

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp)
      throws IOException, ServletException {
    if (!(req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)) {
      resp.sendError(404); // asked for directly, not as an error page: there is nothing here
      return;
    }
    int status = PROBLEMS.containsKey(code) ? code : 500;
    String[] problem = PROBLEMS.get(status);
    Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri instanceof String path && isApi(path)) {
      resp.resetBuffer();
      Problems.write(resp, status, problem[0], problem[1], problem[2]);
      return;
    }
    req.getRequestDispatcher("/WEB-INF/errors/" + status + ".html").forward(req, resp);
  }

  /** The raw path, as sent: {@code /API/} or {@code /api;x=1/} are the API's too. */
  static boolean isApi(String requestUri) {
    String lower = requestUri.toLowerCase(java.util.Locale.ROOT);
    return lower.startsWith("/api/") || lower.startsWith("/api;") || lower.equals("/api");
  }
}
