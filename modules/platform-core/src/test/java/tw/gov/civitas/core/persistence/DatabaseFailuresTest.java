package tw.gov.civitas.core.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

  /**
   * How the failures arrive: PostgreSQL's SQLState, wrapped by Hibernate and the transaction
   * manager.
   */
  private static RuntimeException wrapped(Throwable cause) {
    return new IllegalStateException(
        "commit failed", new PersistenceException("could not execute statement", cause));
  }

  @Test
  void aTerminatedBackendALostConnectionAndARetryableConflictAreTransient() {
    assertTrue(
        DatabaseFailures.isTransient(
            wrapped(
                new SQLException(
                    "FATAL: terminating connection due to administrator command", "57P01"))));
    assertTrue(
        DatabaseFailures.isTransient(
            wrapped(
                new SQLException("An I/O error occurred while sending to the backend.", "08006"))));
    assertTrue(
        DatabaseFailures.isTransient(
            wrapped(new SQLException("could not serialize access", "40001"))));
    assertTrue(
        DatabaseFailures.isTransient(wrapped(new SQLException("deadlock detected", "40P01"))));
    assertTrue(
        DatabaseFailures.isTransient(
            wrapped(new SQLTransientConnectionException("pool timed out"))));
  }

  @Test
  void aRefusedConnectionUnderThePoolIsTransient() {
    // The pool reports no SQLState of its own; the refused socket is further down.
    assertTrue(
        DatabaseFailures.isTransient(
            wrapped(
                new SQLException(
                    "Unable to get managed connection",
                    new IllegalStateException(
                        "Could not create connection",
                        new ConnectException("Connection refused"))))));
  }

  @Test
  void aCommitThatFailedOnATerminatedBackendIsTransient() {
    // Narayana's RollbackException has no cause; the resource's failure is attached as suppressed.
    RuntimeException commit =
        new IllegalStateException("ARJUNA016053: Could not commit transaction.");
    commit.addSuppressed(
        new IllegalStateException(
            "IJ001156: Could not commit local transaction",
            new SQLException(
                "FATAL: terminating connection due to administrator command", "57P01")));
    assertTrue(DatabaseFailures.isTransient(new RuntimeException(commit)));
  }

  @Test
  void aRequestsOwnFailuresAreNot() {
    assertFalse(
        DatabaseFailures.isTransient(
            wrapped(new SQLException("duplicate key value violates unique constraint", "23505"))));
    assertFalse(DatabaseFailures.isTransient(wrapped(new SQLException("value too long", "22001"))));
    assertFalse(DatabaseFailures.isTransient(wrapped(new SQLException("no state"))));
    assertFalse(DatabaseFailures.isTransient(new IllegalStateException("a bug")));
    assertFalse(DatabaseFailures.isTransient(null));
  }
}
