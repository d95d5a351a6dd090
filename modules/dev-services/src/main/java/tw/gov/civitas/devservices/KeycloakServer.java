package tw.gov.civitas.devservices;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real Keycloak (keycloak-quarkus-dist from Maven Central) in dev mode, storing its data in the
 * given PostgreSQL database, with the {@code civitas} realm imported on first start.
 */
public final class KeycloakServer extends ChildProcess {

  public static final String REALM_RESOURCE = "/keycloak/civitas-realm.json";

  /** Local-dev default for the Keycloak admin console; never used outside a developer machine. */
  public static final String DEV_ADMIN = "admin";

  /**
   * The dev realm's civitas-platform client secret: a local-dev default, never a production value.
   */
  public static final String DEV_PLATFORM_SECRET = "civitas-dev-platform-secret";

  private final int port;

  private KeycloakServer(
      List<String> command, Map<String, String> env, Path home, Path log, int port)
      throws IOException {
    super("Keycloak", command, env, home, log);
    this.port = port;
  }

  /**
   * @param distZip the keycloak-quarkus-dist zip
   * @param installRoot where distributions are unpacked (one folder per version, shared by run and
   *     tests)
   */
  /**
   * @param existingDatabase whether {@code jdbcUrl} held data before this start (a database older
   *     than the import record may hold an older realm)
   */
  public static KeycloakServer start(
      Path distZip,
      Path installRoot,
      int port,
      String jdbcUrl,
      Path log,
      boolean existingDatabase,
      java.util.function.Consumer<AutoCloseable> started)
      throws IOException {
    Path home = install(distZip, installRoot);
    Path imports = home.resolve("data/import");
    Files.createDirectories(imports);
    byte[] realm;
    try (InputStream in = KeycloakServer.class.getResourceAsStream(REALM_RESOURCE)) {
      realm = in.readAllBytes();
    }
    Files.write(imports.resolve("civitas-realm.json"), realm);
    Map<String, String> env =
        Map.of(
            "KC_BOOTSTRAP_ADMIN_USERNAME", DEV_ADMIN,
            "KC_BOOTSTRAP_ADMIN_PASSWORD", DEV_ADMIN,
            "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
    List<String> db =
        List.of(
            "--db=postgres",
            "--db-url=" + jdbcUrl,
            "--db-username=" + EmbeddedDatabase.USER,
            "--db-password=" + EmbeddedDatabase.PASSWORD);
    // --import-realm skips a realm that exists: when the dev realm file changed since this database
    // imported it, import it again over the old one (a fresh database just imports at start).
    Path imported =
        installRoot.resolve(
            "realm-imported-" + Integer.toHexString(jdbcUrl.hashCode()) + ".sha256");
    String digest = sha256(realm);
    boolean stale =
        Files.exists(imported)
            ? !digest.equals(Files.readString(imported).strip())
            : existingDatabase;
    if (stale) {
      List<String> reimport =
          new java.util.ArrayList<>(
              List.of(
                  "bash",
                  home.resolve("bin/kc.sh").toString(),
                  "import",
                  "--file=" + imports.resolve("civitas-realm.json"),
                  "--override=true"));
      reimport.addAll(db);
      ProcessBuilder pb =
          new ProcessBuilder(reimport)
              .directory(home.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      pb.environment().putAll(env);
      try {
        int exit = pb.start().waitFor();
        if (exit != 0) {
          throw new IOException(
              "Keycloak could not re-import the changed dev realm (exit " + exit + "); see " + log);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                "bash",
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-port=" + port,
                "--http-host=127.0.0.1",
                "--import-realm",
                "--cache=local",
                // a fixed issuer: in start-dev Keycloak otherwise names the request's host in a
                // token's iss, so a
                // token fetched from 127.0.0.1 would be refused by the platform, which expects
                // localhost
                "--hostname=" + "http://localhost:" + port));
    command.addAll(db);
    KeycloakServer server = new KeycloakServer(command, env, home, log, port);
    started.accept(server); // stopped on Ctrl-C even if it never becomes ready
    server.awaitHttp(
        server.issuer() + "/.well-known/openid-configuration",
        s -> s == 200,
        Duration.ofMinutes(8));
    Files.writeString(imported, digest);
    return server;
  }

  public String issuer() {
    return "http://localhost:" + port + "/realms/civitas";
  }

  public int port() {
    return port;
  }

  private static Path install(Path distZip, Path installRoot) throws IOException {
    if (!Files.isRegularFile(distZip)) {
      throw new IOException(
          "Keycloak distribution not found at " + distZip + ": build first (./civitas build)");
    }
    try (ZipFile zip = new ZipFile(distZip.toFile())) {
      String top = zip.entries().nextElement().getName().split("/")[0];
      Path home = installRoot.resolve(top);
      if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
        return home;
      }
      Path partial = installRoot.resolve(top + ".partial");
      deleteTree(partial);
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        Path target = partial.resolve(e.getName().substring(top.length() + 1)).normalize();
        if (!target.startsWith(partial)) {
          throw new IOException("unsafe entry in " + distZip + ": " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          try (InputStream in = zip.getInputStream(e)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      // Unpack into a side folder and rename, so an interrupted unpack never looks installed.
      Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
      return home;
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
