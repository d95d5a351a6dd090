package tw.gov.civitas.booking.data;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tw.gov.civitas.spi.runtime.ModuleDatabase;

/**
 * The module's SQL through the platform's JTA data source: every statement joins the caller's
 * transaction, so bookings commit or roll back with their audit record and mails.
 */
@ApplicationScoped
public class Jdbc {

  @Inject ModuleDatabase database;

  /** Maps one row. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet r) throws SQLException;
  }

  public <T> List<T> list(String sql, Row<T> row, Object... args) {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      try (ResultSet r = s.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (r.next()) {
          out.add(row.map(r));
        }
        return out;
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  public <T> Optional<T> one(String sql, Row<T> row, Object... args) {
    List<T> rows = list(sql, row, args);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  public long longValue(String sql, Object... args) {
    return one(sql, r -> r.getLong(1), args).orElse(0L);
  }

  public int update(String sql, Object... args) {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      return s.executeUpdate();
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private static void bind(PreparedStatement s, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof java.time.Instant t) {
        s.setObject(i + 1, java.sql.Timestamp.from(t));
      } else {
        s.setObject(i + 1, args[i]);
      }
    }
  }

  /** PostgreSQL refused a second holding slot over the same time (the exclusion constraint). */
  public static final class SlotTaken extends RuntimeException {
    SlotTaken(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }

  private static RuntimeException failure(SQLException e) {
    // 23P01: exclusion_violation, raised by booking_slot_no_overlap
    if ("23P01".equals(e.getSQLState())) {
      return new SlotTaken(e);
    }
    return new IllegalStateException(e);
  }
}
