package tw.gov.civitas.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.wildfly.security.http.oidc.OidcPrincipal;

/**
 * Signing out everywhere: end this application's session, then send the browser to Keycloak's
 * end-session endpoint, which ends the single sign-on session of every Civitas site and service.
 */
public final class SignOut {

  private SignOut() {}

  /**
   * Ends the local session and returns where to send the browser.
   *
   * @param clientId the OIDC client of the application signing out
   * @param backPath where Keycloak sends the browser afterwards (registered as a post-logout URI)
   */
  public static String endSession(HttpServletRequest req, String clientId, String backPath)
      throws ServletException {
    String idToken =
        req.getUserPrincipal() instanceof OidcPrincipal<?> p && p.getOidcSecurityContext() != null
            ? p.getOidcSecurityContext().getIDTokenString()
            : null;
    HttpSession session = req.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    req.logout();
    String issuer =
        System.getProperty("civitas.oidc.provider-url", "http://localhost:8180/realms/civitas");
    String back =
        req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort() + backPath;
    StringBuilder url =
        new StringBuilder(issuer)
            .append("/protocol/openid-connect/logout?client_id=")
            .append(clientId)
            .append("&post_logout_redirect_uri=")
            .append(URLEncoder.encode(back, StandardCharsets.UTF_8));
    if (idToken != null) {
      url.append("&id_token_hint=").append(URLEncoder.encode(idToken, StandardCharsets.UTF_8));
    }
    return url.toString();
  }
}
