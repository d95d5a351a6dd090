package tw.gov.civitas.core.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import tw.gov.civitas.core.audit.AuditLog;
import tw.gov.civitas.core.security.Caller;

/**
 * The audit trail of content, the last step of every content write: who did what to which item,
 * with the item before and after (its {@link #summary}).
 */
@ApplicationScoped
public class ContentAudit {

  static final String ENTITY_TYPE = "content-item";

  @Inject AuditLog audit;

  /**
   * Records {@code action} on the item; {@code before} and {@code after} are summaries, other JSON,
   * or null.
   */
  void record(Caller caller, ContentItem item, String action, String before, String after) {
    audit.record(
        caller, item.getSite().getKey(), action, ENTITY_TYPE, item.getSlug(), before, after);
  }

  /**
   * The item as it is now, at {@code revision}: taken before a change, since the item is changed in
   * place.
   */
  static String summary(ContentItem item, Revision revision) {
    return summary(ContentView.of(item, revision));
  }

  static String summary(ContentView v) {
    JsonArrayBuilder tags = Json.createArrayBuilder();
    v.tags().forEach(tags::add);
    return Json.createObjectBuilder()
        .add("type", v.type())
        .add("slug", v.slug())
        .add("state", v.state())
        .add("revision", v.revision())
        .add("tags", tags)
        .add("fields", v.fields())
        .build()
        .toString();
  }

  /** A summary with the comment a person gave for the change. */
  static String withComment(String summary, String comment) {
    try (jakarta.json.JsonReader r = Json.createReader(new java.io.StringReader(summary))) {
      return Json.createObjectBuilder(r.readObject()).add("comment", comment).build().toString();
    }
  }
}
