package tw.gov.civitas.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Direct reads of the test database, to check what was (and was not) stored. */
public final class Database {

  private Database() {}

  public static long count(String sql, Object... params) {
    try (Connection c = DriverManager.getConnection(TestServices.database().jdbcUrl("civitas"), "civitas", "civitas-dev");
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
