package tw.gov.civitas.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Direct reads of the test database, to check what was (and was not) stored; and writes, to break
 * it on purpose.
 */
public final class Database {

  private Database() {}

  public static long count(String sql, Object... params) {
    return run(
        sql,
        params,
        s -> {
          try (ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
          }
        });
  }

  /** Every row of a query, each column as text (SQL null as Java null). */
  public static java.util.List<java.util.List<String>> rows(String sql, Object... params) {
    return run(
        sql,
        params,
        s -> {
          java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
          try (ResultSet r = s.executeQuery()) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
              java.util.List<String> row = new java.util.ArrayList<>(columns);
              for (int i = 1; i <= columns; i++) {
                row.add(r.getString(i));
              }
              rows.add(row);
            }
          }
          return rows;
        });
  }

  private interface Statement<T> {
    T run(PreparedStatement statement) throws SQLException;
  }

  private static <T> T run(String sql, Object[] params, Statement<T> work) {
    try (Connection c =
            DriverManager.getConnection(
                TestServices.database().jdbcUrl("civitas"), "civitas", "civitas-dev");
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      return work.run(s);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs a statement (DDL too) as the server's own database user, e.g. to corrupt a row or end its
   * connections; returns the update count.
   */
  public static int execute(String sql, Object... params) {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, params);
      s.execute();
      return Math.max(0, s.getUpdateCount());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void bind(PreparedStatement s, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      s.setObject(i + 1, params[i]);
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        TestServices.database().jdbcUrl("civitas"), "civitas", "civitas-dev");
  }
}
