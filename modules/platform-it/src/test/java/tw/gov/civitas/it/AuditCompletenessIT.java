package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Database;

/**
 * Runs last: every successful write the other tests made through the management API left an
 * audit record for its site, made while the request was being served.
 */
@ArquillianTest
@Order(Integer.MAX_VALUE)
class AuditCompletenessIT {

  @Test
  void everyWriteOfTheRunIsInTheAuditTrail() {
    assertTrue(Api.WRITES.size() > 50, "the other tests made only " + Api.WRITES.size() + " writes");
    List<String> missing = new ArrayList<>();
    for (Api.Write w : Api.WRITES) {
      String[] parts = w.path().split("/"); // "", api, v1, manage, sites, <site>, ...
      String site = parts.length > 5 && "sites".equals(parts[4]) ? parts[5] : null;
      Timestamp from = Timestamp.from(w.started().minusMillis(1000));
      Timestamp to = Timestamp.from(w.finished().plusMillis(1000));
      long events = site == null
          ? Database.count("select count(*) from audit_event where occurred_at between ? and ?", from, to)
          : Database.count("select count(*) from audit_event where site_key = ? and occurred_at between ? and ?", site,
              from, to);
      if (events == 0) {
        missing.add(w.method() + " " + w.path() + " at " + w.started());
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void theAuditTrailCannotBeRewrittenEvenThroughTheDatabase() {
    for (String sql : List.of("update audit_event set actor = 'someone-else'", "delete from audit_event")) {
      try (var c = java.sql.DriverManager.getConnection(tw.gov.civitas.it.support.TestServices.database()
          .jdbcUrl("civitas"), "civitas", "civitas-dev"); var s = c.createStatement()) {
        s.executeUpdate(sql);
        throw new AssertionError(sql + " was allowed");
      } catch (java.sql.SQLException expected) {
        assertTrue(expected.getMessage().contains("append-only"), expected.getMessage());
      }
    }
  }
}
