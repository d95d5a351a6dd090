package tw.gov.civitas.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.wildfly.security.http.oidc.OidcPrincipal;

/** Ends the citizen's session here and Keycloak's single sign-on session: signed out of every site. */
@WebServlet(urlPatterns = "/logout")
public class SignOut extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
    String idToken = req.getUserPrincipal() instanceof OidcPrincipal<?> p && p.getOidcSecurityContext() != null
        ? p.getOidcSecurityContext().getIDTokenString() : null;
    HttpSession session = req.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    req.logout();
    String issuer = System.getProperty("civitas.oidc.provider-url", "http://localhost:8180/realms/civitas");
    String back = req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort() + "/account/signed-out.html";
    StringBuilder url = new StringBuilder(issuer).append("/protocol/openid-connect/logout?client_id=civitas-public")
        .append("&post_logout_redirect_uri=").append(URLEncoder.encode(back, StandardCharsets.UTF_8));
    if (idToken != null) {
      url.append("&id_token_hint=").append(URLEncoder.encode(idToken, StandardCharsets.UTF_8));
    }
    resp.sendRedirect(url.toString());
  }
}
