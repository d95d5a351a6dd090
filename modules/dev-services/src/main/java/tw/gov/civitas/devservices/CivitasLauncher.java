package tw.gov.civitas.devservices;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code ./civitas run}: a real PostgreSQL, Keycloak and WildFly with the Civitas EAR, demo data on
 * first start, until Ctrl-C. Environment variables point it at an external PostgreSQL ({@code
 * CIVITAS_DB_URL}, {@code CIVITAS_DB_USER}, {@code CIVITAS_DB_PASSWORD}) or Keycloak ({@code
 * CIVITAS_OIDC_PROVIDER_URL}) instead of the embedded ones.
 */
public final class CivitasLauncher {

  private CivitasLauncher() {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of(System.getProperty("civitas.home", ".")).toAbsolutePath().normalize();
    Path data =
        Path.of(env("CIVITAS_DATA_DIR", home.resolve(".civitas").toString())).toAbsolutePath();
    int httpPort = Integer.parseInt(env("CIVITAS_HTTP_PORT", "8080"));
    int managementPort = Integer.parseInt(env("CIVITAS_MANAGEMENT_PORT", "9990"));
    int keycloakPort = Integer.parseInt(env("CIVITAS_KEYCLOAK_PORT", "8180"));
    int dbPort = Integer.parseInt(env("CIVITAS_DB_PORT", "54329"));
    boolean demoData = Boolean.parseBoolean(env("CIVITAS_DEMO_DATA", "true"));

    List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(started), "civitas-stop"));
    long t0 = System.nanoTime();

    String jdbcUrl = System.getenv("CIVITAS_DB_URL");
    String dbUser = env("CIVITAS_DB_USER", EmbeddedDatabase.USER);
    String dbPassword = env("CIVITAS_DB_PASSWORD", EmbeddedDatabase.PASSWORD);
    EmbeddedDatabase db = null;
    boolean existingDatabase = java.nio.file.Files.exists(data.resolve("postgres/PG_VERSION"));
    if (jdbcUrl == null) {
      step(
          "PostgreSQL (embedded) on 127.0.0.1:" + dbPort + ", data in " + data.resolve("postgres"));
      db =
          EmbeddedDatabase.start(
              data.resolve("postgres"), data.resolve("postgres-binaries"), dbPort, false);
      started.add(db);
      jdbcUrl = db.jdbcUrl("civitas");
    } else {
      step("PostgreSQL: external, " + jdbcUrl);
    }

    String issuer = System.getenv("CIVITAS_OIDC_PROVIDER_URL");
    CompletableFuture<KeycloakServer> keycloak = CompletableFuture.completedFuture(null);
    if (issuer == null) {
      if (db == null) {
        throw new IllegalStateException(
            "With an external PostgreSQL, also set CIVITAS_OIDC_PROVIDER_URL to your Keycloak realm");
      }
      step("Keycloak on http://localhost:" + keycloakPort + " (first start takes ~40 s)");
      String kcJdbc = db.jdbcUrl("keycloak");
      keycloak =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  KeycloakServer kc =
                      KeycloakServer.start(
                          home.resolve("modules/dev-services/target/keycloak-dist/keycloak.zip"),
                          data,
                          keycloakPort,
                          kcJdbc,
                          data.resolve("keycloak.log"),
                          existingDatabase,
                          started::add);
                  return kc;
                } catch (Exception e) {
                  throw new IllegalStateException(e.getMessage(), e);
                }
              });
      issuer = "http://localhost:" + keycloakPort + "/realms/civitas";
    } else {
      step("Keycloak: external, " + issuer);
    }

    step(
        "WildFly on http://localhost:"
            + httpPort
            + " (log: "
            + data.resolve("wildfly/log/server.log")
            + ")");
    WildFlyServer wildfly =
        WildFlyServer.start(
            new WildFlyServer.Options(
                home.resolve("platform-ear/target/server"),
                data.resolve("wildfly"),
                httpPort,
                managementPort,
                jdbcUrl,
                dbUser,
                dbPassword,
                issuer,
                demoData,
                Map.of()),
            started::add);
    keycloak.join();
    long seconds = Duration.ofNanos(System.nanoTime() - t0).toSeconds();

    System.out.printf(
        """

        ======================================================================
         Civitas is ready (%d s)

         Sites        http://localhost:%2$d/sites/transportation/
                      http://transportation.localhost:%2$d/   (routing by Host)
         Delivery API http://localhost:%2$d/api/v1/sites
         OpenAPI      http://localhost:%2$d/openapi
         Editor       http://localhost:%2$d/editor/
         Readiness    http://localhost:%3$d/health/ready
         Keycloak     %4$s   (admin console: admin / admin, local dev only)

         Demo logins (password civitas-dev, local dev realm only):
           platform-admin            platform administrator
           transportation-webmaster  site administrator of transportation
           transportation-editor     author on transportation
           xitun-webmaster           site administrator of xitun-district
           digital-reviewer          digital governance bureau reviewer
           citizen                   a citizen

         A token for scripts:
           curl -s -d grant_type=password -d client_id=civitas-cli \\
                -d username=transportation-webmaster -d password=civitas-dev \\
                %4$s/protocol/openid-connect/token

         Ctrl-C stops everything; data stays in %5$s
        ======================================================================
        """,
        seconds, httpPort, managementPort, issuer, data);
    Thread.currentThread().join();
  }

  private static void stopAll(List<AutoCloseable> started) {
    System.out.println("\nStopping Civitas…");
    List<AutoCloseable> copy;
    synchronized (started) {
      copy = new ArrayList<>(started);
    }
    // The application first, then the identity provider, then the database both of them use.
    copy.sort(
        java.util.Comparator.comparingInt(
            c -> c instanceof WildFlyServer ? 0 : c instanceof KeycloakServer ? 1 : 2));
    for (AutoCloseable c : copy) {
      try {
        c.close();
      } catch (Exception e) {
        System.err.println("while stopping: " + e.getMessage());
      }
    }
    System.out.println("Stopped.");
  }

  private static void step(String message) {
    System.out.println("==> " + message);
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
