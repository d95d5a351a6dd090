package tw.gov.civitas.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
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
      database = EmbeddedDatabase.start(itDir.resolve("postgres"), itDir.resolve("postgres-binaries"), Ports.DB, true);
      STARTED.add(database);
      WildFlyServer.prepareBaseDir(home.resolve("platform-ear/target/server/standalone"), itDir.resolve("wildfly-base"));
      addPlugIns(itDir.resolve("wildfly-base/deployments/civitas.ear"), itDir.resolve("it-plugins"));
      mail = new GreenMail(new ServerSetup(Ports.SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      mail.start();
      STARTED.add(mail::stop);
    } catch (Exception e) {
      throw new IllegalStateException("Could not start the test database: " + e.getMessage(), e);
    }
    String kcJdbc = database.jdbcUrl("keycloak");
    keycloak = CompletableFuture.supplyAsync(() -> {
      try {
        return KeycloakServer.start(home.resolve("modules/dev-services/target/keycloak-dist/keycloak.zip"),
            home.resolve(".civitas"), Ports.KEYCLOAK, kcJdbc, itDir.resolve("keycloak.log"), false, c -> {
              synchronized (STARTED) {
                STARTED.add(c);
              }
            });
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
   * The test plug-ins (never shipped) go into the deployed EAR's {@code lib/}, where an operator would
   * put a plug-in module's jar.
   */
  private static void addPlugIns(Path ear, Path plugIns) throws java.io.IOException {
    try (var jars = java.nio.file.Files.list(plugIns);
        java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(ear)) {
      for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
        java.nio.file.Files.copy(jar, zip.getPath("lib", jar.getFileName().toString()),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
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
      throw new IllegalStateException("test services are not running (run the ITs through failsafe: ./civitas test)");
    }
    return keycloak.join();
  }

  public static EmbeddedDatabase database() {
    return database;
  }
}
