package tw.gov.civitas.manage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tw.gov.civitas.api.ListParameters;
import tw.gov.civitas.core.audit.AuditCsv;
import tw.gov.civitas.core.audit.AuditEvent;
import tw.gov.civitas.core.audit.AuditLog;
import tw.gov.civitas.core.audit.AuditQuery;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.error.FieldError;
import tw.gov.civitas.core.security.Caller;

/** Audit searches as the API answers them: parameters checked, JSON or CSV (UTF-8 with BOM). */
@ApplicationScoped
public class AuditSearch {

  static final int MAX_EXPORT = 100_000;

  @Inject AuditLog audit;

  List<AuditEvent> query(
      Caller caller,
      String site,
      String actor,
      String action,
      String entity,
      String from,
      String to,
      Integer page,
      Integer size) {
    List<FieldError> errors = new ArrayList<>();
    Instant f = ListParameters.instant("from", from, errors);
    Instant t = ListParameters.instant("to", to, errors);
    int p = page == null ? 1 : page;
    int s = size == null ? 50 : size;
    if (p < 1 || p > 100_000) {
      errors.add(new FieldError("page", "must be from 1"));
    }
    if (s < 1 || s > MAX_EXPORT) {
      errors.add(new FieldError("size", "must be from 1 to " + MAX_EXPORT));
    }
    if (!errors.isEmpty()) {
      throw new ContentValidationException(errors);
    }
    return audit.search(
        caller, new AuditQuery(site, blank(actor), blank(action), blank(entity), f, t, p, s));
  }

  static Response json(List<AuditEvent> events) {
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (AuditEvent e : events) {
      JsonObjectBuilder b =
          Json.createObjectBuilder()
              .add("time", e.getOccurredAt().toString())
              .add("actor", e.getActor())
              .add("action", e.getAction())
              .add("entityType", e.getEntityType());
      addIfPresent(b, "site", e.getSiteKey());
      addIfPresent(b, "entityId", e.getEntityId());
      addIfPresent(b, "clientAddress", e.getClientAddress());
      addIfPresent(b, "before", e.getBefore());
      addIfPresent(b, "after", e.getAfter());
      items.add(b);
    }
    return Response.ok(
            Json.createObjectBuilder().add("items", items).build().toString(),
            MediaType.APPLICATION_JSON)
        .build();
  }

  static Response csv(List<AuditEvent> events, String fileName) {
    StringWriter out = new StringWriter();
    try {
      AuditCsv.write(events, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Response.ok(out.toString().getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
        .build();
  }

  private static void addIfPresent(JsonObjectBuilder b, String name, String value) {
    if (value != null) {
      b.add(name, value);
    }
  }

  static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
