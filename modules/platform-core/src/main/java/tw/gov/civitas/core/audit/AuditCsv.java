package tw.gov.civitas.core.audit;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The audit trail as CSV, UTF-8 with a BOM so that spreadsheets read the Chinese right. */
public final class AuditCsv {

  private static final String[] COLUMNS = {
    "time", "actor", "site", "action", "entityType", "entityId", "clientAddress", "before", "after"
  };

  private AuditCsv() {}

  public static void write(List<AuditEvent> events, Writer out) throws IOException {
    out.write('\uFEFF');
    try (CSVPrinter csv =
        new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(COLUMNS).get())) {
      for (AuditEvent e : events) {
        csv.printRecord(
            e.getOccurredAt(),
            e.getActor(),
            e.getSiteKey(),
            e.getAction(),
            e.getEntityType(),
            e.getEntityId(),
            e.getClientAddress(),
            e.getBefore(),
            e.getAfter());
      }
    }
  }
}
