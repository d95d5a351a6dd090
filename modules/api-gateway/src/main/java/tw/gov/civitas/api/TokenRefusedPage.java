package tw.gov.civitas.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import tw.gov.civitas.security.TokenRefusal;
import tw.gov.civitas.web.http.Problems;

/**
 * The error page for a 401 that WildFly's OIDC client answers itself when it refuses a bearer
 * token: problem+json whose detail says why (expired, wrong issuer, wrong audience, signature),
 * instead of a bare status. The WWW-Authenticate challenge the client set stays on the response.
 */
@WebServlet("/errors/token-refused")
public class TokenRefusedPage extends HttpServlet {

  static final String AUDIENCE = "civitas-api";

  /** The issuer whose tokens this server accepts (the same property oidc.json reads). */
  static String issuer() {
    return System.getProperty("civitas.oidc.provider-url", "http://localhost:8180/realms/civitas");
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Object status = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    String detail =
        TokenRefusal.explain(req.getHeader("Authorization"), issuer(), AUDIENCE, Instant.now());
    Problems.write(
        resp,
        status instanceof Integer code ? code : 401,
        "invalid-token",
        "The bearer token was refused",
        detail);
  }
}
