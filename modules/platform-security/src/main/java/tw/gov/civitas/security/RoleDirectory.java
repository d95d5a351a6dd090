package tw.gov.civitas.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.security.SiteAuthorization;
import tw.gov.civitas.spi.SiteRole;

/**
 * Who holds which role on a site, read from Keycloak (the one place role assignments are kept, see
 * docs/adr/0001): the members of the groups {@code /agencies/<site>/<role>}, through the admin REST
 * API with the {@code civitas-platform} service account (view-users, query-groups).
 */
@ApplicationScoped
public class RoleDirectory {

  /** A person holding a role on a site. */
  public record RoleHolder(
      String role, String username, String firstName, String lastName, String email) {}

  /**
   * Every call to Keycloak fails fast instead of holding a request thread while Keycloak is away.
   */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(4);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(CONNECT_TIMEOUT)
          .build();

  @Inject SiteAuthorization authorization;

  /**
   * Names and e-mail addresses of the people holding roles on the site: for the site's
   * administrators only, checked here whoever calls.
   *
   * @throws IdentityProviderUnavailableException when Keycloak does not answer in time
   */
  public List<RoleHolder> holders(Caller caller, String siteKey) {
    authorization.require(caller, siteKey, CoreModule.SITE_MANAGE);
    String issuer =
        System.getProperty("civitas.oidc.provider-url", "http://localhost:8180/realms/civitas");
    int realmAt = issuer.indexOf("/realms/");
    String base = issuer.substring(0, realmAt);
    String realm = issuer.substring(realmAt + "/realms/".length());
    String token = serviceToken(issuer);
    List<RoleHolder> holders = new ArrayList<>();
    for (SiteRole role : SiteRole.values()) {
      String path = "/agencies/" + siteKey + "/" + role.groupName();
      HttpResponse<String> group =
          get(base + "/admin/realms/" + realm + "/group-by-path" + path.replace(" ", "%20"), token);
      if (group.statusCode() == 404) {
        continue; // no such group yet: nobody holds the role
      }
      String id = read(group.body()).asJsonObject().getString("id");
      HttpResponse<String> members =
          get(base + "/admin/realms/" + realm + "/groups/" + id + "/members?max=500", token);
      for (JsonValue m : read(members.body()).asJsonArray()) {
        JsonObject u = m.asJsonObject();
        holders.add(
            new RoleHolder(
                role.groupName(),
                u.getString("username"),
                u.getString("firstName", ""),
                u.getString("lastName", ""),
                u.getString("email", "")));
      }
    }
    return holders;
  }

  private String serviceToken(String issuer) {
    String secret =
        System.getenv()
            .getOrDefault(
                "CIVITAS_KEYCLOAK_CLIENT_SECRET",
                System.getProperty("civitas.keycloak.client-secret", ""));
    String form =
        "grant_type=client_credentials&client_id=civitas-platform&client_secret="
            + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(
          "Keycloak refused the civitas-platform service account ("
              + r.statusCode()
              + "): check CIVITAS_KEYCLOAK_CLIENT_SECRET");
    }
    return read(r.body()).asJsonObject().getString("access_token");
  }

  private HttpResponse<String> get(String url, String token) {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
    if (r.statusCode() != 200 && r.statusCode() != 404) {
      throw new IllegalStateException(
          "Keycloak admin API answered " + r.statusCode() + " for " + url);
    }
    return r;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // HttpTimeoutException and ConnectException are both IOExceptions
      throw new IdentityProviderUnavailableException(
          "Keycloak is not reachable: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IdentityProviderUnavailableException("Interrupted while waiting for Keycloak", e);
    }
  }

  private static JsonValue read(String json) {
    try (JsonReader r = Json.createReader(new StringReader(json))) {
      return r.readValue();
    }
  }
}
