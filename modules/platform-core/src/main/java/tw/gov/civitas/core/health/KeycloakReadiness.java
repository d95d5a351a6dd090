package tw.gov.civitas.core.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the identity provider publishes its OpenID configuration. */
@Readiness
@ApplicationScoped
public class KeycloakReadiness implements HealthCheck {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Override
  public HealthCheckResponse call() {
    String provider =
        System.getProperty("civitas.oidc.provider-url", "http://localhost:8180/realms/civitas");
    try {
      HttpResponse<Void> r =
          http.send(
              HttpRequest.newBuilder(URI.create(provider + "/.well-known/openid-configuration"))
                  .timeout(Duration.ofSeconds(3))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return HealthCheckResponse.named("keycloak")
          .status(r.statusCode() == 200)
          .withData("provider", provider)
          .withData("status", r.statusCode())
          .build();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return HealthCheckResponse.named("keycloak")
          .down()
          .withData("provider", provider)
          .withData("error", e.getClass().getSimpleName())
          .build();
    }
  }
}
