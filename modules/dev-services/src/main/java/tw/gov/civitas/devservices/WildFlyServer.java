package tw.gov.civitas.devservices;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provisioned WildFly (platform-ear/target/server) with the Civitas EAR, run with its own base
 * folder so that the build output stays pristine and local data (search index, transaction log)
 * survives rebuilds.
 */
public final class WildFlyServer extends ChildProcess {

  private final int httpPort;
  private final int managementPort;

  private WildFlyServer(
      List<String> command,
      Map<String, String> env,
      Path home,
      Path log,
      int httpPort,
      int managementPort)
      throws IOException {
    super("WildFly", command, env, home, log);
    this.httpPort = httpPort;
    this.managementPort = managementPort;
  }

  /** Settings for one server start. */
  public record Options(
      Path serverHome,
      Path baseDir,
      int httpPort,
      int managementPort,
      String jdbcUrl,
      String dbUser,
      String dbPassword,
      String oidcProviderUrl,
      boolean demoData,
      Map<String, String> extraProperties) {}

  public static WildFlyServer start(Options o, java.util.function.Consumer<AutoCloseable> started)
      throws IOException {
    prepareBaseDir(o.serverHome().resolve("standalone"), o.baseDir());
    List<String> command =
        new ArrayList<>(
            List.of(
                "bash",
                o.serverHome().resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + o.baseDir(),
                "-Djboss.http.port=" + o.httpPort(),
                "-Djboss.management.http.port=" + o.managementPort(),
                "-Dcivitas.oidc.provider-url=" + o.oidcProviderUrl(),
                "-Dcivitas.demo-data=" + o.demoData()));
    o.extraProperties().forEach((k, v) -> command.add("-D" + k + "=" + v));
    Map<String, String> env = new LinkedHashMap<>();
    env.put("CIVITAS_DB_URL", o.jdbcUrl());
    env.put("CIVITAS_DB_USER", o.dbUser());
    env.put("CIVITAS_DB_PASSWORD", o.dbPassword());
    env.put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
    // The dev realm's service account (reads role holders); production passes its own secret.
    env.put(
        "CIVITAS_KEYCLOAK_CLIENT_SECRET",
        System.getenv()
            .getOrDefault("CIVITAS_KEYCLOAK_CLIENT_SECRET", KeycloakServer.DEV_PLATFORM_SECRET));
    env.put(
        "JAVA_OPTS",
        "-Xms256m -Xmx1g -XX:MetaspaceSize=96M -Djava.net.preferIPv4Stack=true "
            + "-Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true");
    WildFlyServer server =
        new WildFlyServer(
            command,
            env,
            o.serverHome(),
            o.baseDir().resolve("log/console.log"),
            o.httpPort(),
            o.managementPort());
    started.accept(server); // stopped on Ctrl-C even if it never becomes ready
    server.awaitHttp(
        "http://127.0.0.1:" + o.managementPort() + "/health/ready",
        s -> s == 200,
        Duration.ofMinutes(5));
    // Health can be UP while the EAR failed to deploy: wait for the API itself.
    server.awaitHttp(server.baseUrl() + "/api/v1/sites", s -> s == 200, Duration.ofMinutes(2));
    return server;
  }

  public String baseUrl() {
    return "http://localhost:" + httpPort;
  }

  public int managementPort() {
    return managementPort;
  }

  /**
   * Configuration and deployment content come fresh from the build at every start; the rest of the
   * base folder (data, logs) is kept.
   */
  public static void prepareBaseDir(Path provisioned, Path baseDir) throws IOException {
    if (!Files.isRegularFile(provisioned.resolve("configuration/standalone.xml"))) {
      throw new IOException(
          "No provisioned server at "
              + provisioned.getParent()
              + ": build first (./civitas build)");
    }
    for (String fresh : new String[] {"configuration", "data/content", "deployments"}) {
      KeycloakServer.deleteTree(baseDir.resolve(fresh));
      copyTree(provisioned.resolve(fresh), baseDir.resolve(fresh));
    }
    Files.createDirectories(baseDir.resolve("log"));
  }

  static void copyTree(Path from, Path to) throws IOException {
    if (!Files.exists(from)) {
      Files.createDirectories(to);
      return;
    }
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.copy(
                file,
                to.resolve(from.relativize(file).toString()),
                StandardCopyOption.REPLACE_EXISTING);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
