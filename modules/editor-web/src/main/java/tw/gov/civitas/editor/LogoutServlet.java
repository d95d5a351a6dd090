package tw.gov.civitas.editor;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.wildfly.security.http.oidc.OidcPrincipal;

/**
 * Signs out everywhere: ends the editor's session, then sends the browser to Keycloak's
 * end-session endpoint, which ends the single sign-on session of every Civitas site and service.
 */
@WebServlet(urlPatterns = "/logout")
public class LogoutServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException, jakarta.servlet.ServletException {
    String idToken = null;
    if (req.getUserPrincipal() instanceof OidcPrincipal<?> p && p.getOidcSecurityContext() != null) {
      idToken = p.getOidcSecurityContext().getIDTokenString();
    }
    HttpSession session = req.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    req.logout();
    String issuer = System.getProperty("civitas.oidc.provider-url", "http://localhost:8180/realms/civitas");
    String back = req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort() + req.getContextPath()
        + "/signed-out.html";
    StringBuilder url = new StringBuilder(issuer).append("/protocol/openid-connect/logout?client_id=civitas-editor")
        .append("&post_logout_redirect_uri=").append(URLEncoder.encode(back, StandardCharsets.UTF_8));
    if (idToken != null) {
      url.append("&id_token_hint=").append(URLEncoder.encode(idToken, StandardCharsets.UTF_8));
    }
    resp.sendRedirect(url.toString());
  }
}
