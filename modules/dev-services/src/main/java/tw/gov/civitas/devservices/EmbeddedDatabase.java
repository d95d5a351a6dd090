package tw.gov.civitas.devservices;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL (binaries from Maven Central) started in this JVM, with the databases Civitas
 * and Keycloak use. The data folder is kept between runs unless {@code fresh} is asked for.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  public static final String USER = "civitas";

  /** Local-dev default, documented as such; production uses CIVITAS_DB_PASSWORD. */
  public static final String PASSWORD = "civitas-dev";

  private final EmbeddedPostgres postgres;
  private final int port;

  private EmbeddedDatabase(EmbeddedPostgres postgres, int port) {
    this.postgres = postgres;
    this.port = port;
  }

  /**
   * @param binariesDir where the PostgreSQL binaries are unpacked: a folder of this project's (not
   *     the library's shared {@code /tmp/embedded-pg}), so that a fresh clone always runs the
   *     unpacking step that a new machine runs, instead of reusing what an earlier run left behind
   */
  public static EmbeddedDatabase start(Path dataDir, Path binariesDir, int port, boolean fresh)
      throws IOException, SQLException {
    Files.createDirectories(dataDir);
    Files.createDirectories(binariesDir);
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(binariesDir.toFile())
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(fresh)
            .setPort(port)
            .setServerConfig("max_connections", "200")
            .setServerConfig("listen_addresses", "127.0.0.1")
            .start();
    EmbeddedDatabase db = new EmbeddedDatabase(pg, port);
    db.ensureDatabases();
    return db;
  }

  private void ensureDatabases() throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery("select 1 from pg_roles where rolname = '" + USER + "'")) {
        if (!r.next()) {
          s.execute("create role " + USER + " login password '" + PASSWORD + "'");
        }
      }
      for (String db : new String[] {"civitas", "keycloak"}) {
        try (ResultSet r =
            s.executeQuery("select 1 from pg_database where datname = '" + db + "'")) {
          if (!r.next()) {
            s.execute(
                "create database " + db + " owner " + USER + " encoding 'UTF8' template template0");
          }
        }
      }
    }
  }

  public int port() {
    return port;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
