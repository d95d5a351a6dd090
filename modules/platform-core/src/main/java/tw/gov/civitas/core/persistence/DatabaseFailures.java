package tw.gov.civitas.core.persistence;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** Tells a database that was briefly out of reach from a request or a bug that would fail again. */
public final class DatabaseFailures {

  private DatabaseFailures() {}

  /**
   * Whether {@code e}, or anything that caused it, says the database was briefly out of reach and
   * the same work would likely succeed when tried again: a lost or refused connection (SQLState
   * class 08, or a refused socket under the connection pool), the server shutting down or
   * terminating our backend (57P01–57P03), or a serialization failure or deadlock (40001, 40P01).
   */
  public static boolean isTransient(Throwable e) {
    return isTransient(e, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  /**
   * Causes and suppressed exceptions both: a failed commit carries the database's answer as
   * suppressed.
   */
  private static boolean isTransient(Throwable t, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return false;
    }
    if (t instanceof SQLTransientException
        || t instanceof SQLRecoverableException
        || t instanceof ConnectException) {
      return true;
    }
    if (t instanceof SQLException sql && sql.getSQLState() != null) {
      String state = sql.getSQLState();
      if (state.startsWith("08")
          || state.startsWith("57P0")
          || state.equals("40001")
          || state.equals("40P01")) {
        return true;
      }
    }
    for (Throwable suppressed : t.getSuppressed()) {
      if (isTransient(suppressed, seen)) {
        return true;
      }
    }
    return isTransient(t.getCause(), seen);
  }
}
