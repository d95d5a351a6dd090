package tw.gov.civitas.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import tw.gov.civitas.devservices.EmbeddedDatabase;
import tw.gov.civitas.devservices.KeycloakServer;
import tw.gov.civitas.devservices.WildFlyServer;

/**
 * Starts what the WildFly under test needs before Arquillian starts it, once per test run: a fresh
 * real PostgreSQL and a real Keycloak (booting in the background while WildFly starts), and stops
 * them when the run ends. Active only in the failsafe run ({@code civitas.it=true}).
 */
public class TestServices implements LauncherSessionListener {

  private static volatile EmbeddedDatabase database;
  private static volatile GreenMail mail;
  private static volatile CompletableFuture<KeycloakServer> keycloak;
  private static final List<AutoCloseable> STARTED = new ArrayList<>();

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (!Boolean.getBoolean("civitas.it") || database != null) {
      return;
    }
    Path home = Path.of(System.getProperty("civitas.home"));
    Path itDir = Path.of(System.getProperty("civitas.it.dir"));
    try {
      database =
          EmbeddedDatabase.start(
              itDir.resolve("postgres"), itDir.resolve("postgres-binaries"), Ports.DB, true);
      STARTED.add(database);
      WildFlyServer.prepareBaseDir(
          home.resolve("platform-ear/target/server/standalone"), itDir.resolve("wildfly-base"));
      addPlugIns(
          itDir.resolve("wildfly-base/deployments/civitas.ear"), itDir.resolve("it-plugins"));
      mail = new GreenMail(new ServerSetup(Ports.SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      mail.start();
      STARTED.add(mail::stop);
    } catch (Exception e) {
      throw new IllegalStateException("Could not start the test database: " + e.getMessage(), e);
    }
    String kcJdbc = database.jdbcUrl("keycloak");
    keycloak =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                KeycloakServer server =
                    KeycloakServer.start(
                        home.resolve("modules/dev-services/target/keycloak-dist/keycloak.zip"),
                        home.resolve(".civitas"),
                        Ports.KEYCLOAK,
                        kcJdbc,
                        itDir.resolve("keycloak.log"),
                        false,
                        c -> {
                          synchronized (STARTED) {
                            STARTED.add(c);
                          }
                        });
                allowRedirectsTo(server, Ports.HTTP);
                return server;
              } catch (Exception e) {
                throw new IllegalStateException("Keycloak did not start: " + e.getMessage(), e);
              }
            });
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    Browser.quit();
    List<AutoCloseable> toStop;
    synchronized (STARTED) {
      toStop = new ArrayList<>(STARTED);
    }
    // Keycloak before the database it stores its data in.
    for (int i = toStop.size() - 1; i >= 0; i--) {
      try {
        toStop.get(i).close();
      } catch (Exception e) {
        System.err.println("while stopping test services: " + e.getMessage());
      }
    }
  }

  /**
   * The test plug-ins (never shipped) go into the deployed EAR's {@code lib/}, where an operator
   * would put a plug-in module's jar.
   */
  private static void addPlugIns(Path ear, Path plugIns) throws java.io.IOException {
    try (var jars = java.nio.file.Files.list(plugIns);
        java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(ear)) {
      for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
        java.nio.file.Files.copy(
            jar,
            zip.getPath("lib", jar.getFileName().toString()),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /**
   * The dev realm sends browsers back to the default test port (8380) only: for a run on another
   * port (two runs on one machine), each client that lists 8380 gets the same addresses on this
   * run's port.
   */
  private static void allowRedirectsTo(KeycloakServer kc, int httpPort)
      throws IOException, InterruptedException {
    if (httpPort == 8380) {
      return;
    }
    HttpClient http = HttpClient.newHttpClient();
    String admin = "http://localhost:" + kc.port() + "/admin/realms/civitas/clients";
    HttpResponse<String> token =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + kc.port()
                            + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=admin-cli&username="
                            + KeycloakServer.DEV_ADMIN
                            + "&password="
                            + KeycloakServer.DEV_ADMIN))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String bearer =
        "Bearer "
            + Json.createReader(new StringReader(token.body()))
                .readObject()
                .getString("access_token");
    HttpResponse<String> clients =
        http.send(
            HttpRequest.newBuilder(URI.create(admin)).header("Authorization", bearer).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    for (JsonObject client :
        Json.createReader(new StringReader(clients.body()))
            .readArray()
            .getValuesAs(JsonObject.class)) {
      List<String> uris =
          client.containsKey("redirectUris")
              ? client.getJsonArray("redirectUris").getValuesAs(JsonString.class).stream()
                  .map(JsonString::getString)
                  .toList()
              : List.of();
      List<String> added =
          uris.stream()
              .filter(u -> u.contains(":8380/"))
              .map(u -> u.replace(":8380/", ":" + httpPort + "/"))
              .toList();
      if (added.isEmpty()) {
        continue;
      }
      JsonArrayBuilder all = Json.createArrayBuilder();
      uris.forEach(all::add);
      added.forEach(all::add);
      HttpResponse<String> put =
          http.send(
              HttpRequest.newBuilder(URI.create(admin + "/" + client.getString("id")))
                  .header("Authorization", bearer)
                  .header("Content-Type", "application/json")
                  .PUT(
                      HttpRequest.BodyPublishers.ofString(
                          Json.createObjectBuilder(client)
                              .add("redirectUris", all)
                              .build()
                              .toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (put.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            "could not let "
                + client.getString("clientId")
                + " return to port "
                + httpPort
                + ": "
                + put.statusCode()
                + " "
                + put.body());
      }
    }
  }

  /** The SMTP server the platform sends to (GreenMail, in this JVM). */
  public static GreenMail mail() {
    return mail;
  }

  /** The running Keycloak; waits for it to finish booting. */
  public static KeycloakServer keycloak() {
    if (keycloak == null) {
      throw new IllegalStateException(
          "test services are not running (run the ITs through failsafe: ./civitas test)");
    }
    return keycloak.join();
  }

  public static EmbeddedDatabase database() {
    return database;
  }
}
