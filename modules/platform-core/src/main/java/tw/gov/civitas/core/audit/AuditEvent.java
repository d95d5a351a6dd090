package tw.gov.civitas.core.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/** Who did what, on which site, when and from where; never updated or deleted. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false)
  private String actor;

  @Column(name = "site_key")
  private String siteKey;

  @Column(nullable = false)
  private String action;

  @Column(name = "entity_type", nullable = false)
  private String entityType;

  @Column(name = "entity_id")
  private String entityId;

  @Column(name = "client_address")
  private String clientAddress;

  @Column(name = "before_state", columnDefinition = "jsonb")
  @ColumnTransformer(write = "?::jsonb")
  private String before;

  @Column(name = "after_state", columnDefinition = "jsonb")
  @ColumnTransformer(write = "?::jsonb")
  private String after;

  protected AuditEvent() {}

  public AuditEvent(
      Instant occurredAt,
      String actor,
      String siteKey,
      String action,
      String entityType,
      String entityId,
      String clientAddress,
      String before,
      String after) {
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.siteKey = siteKey;
    this.action = action;
    this.entityType = entityType;
    this.entityId = entityId;
    this.clientAddress = clientAddress;
    this.before = before;
    this.after = after;
  }

  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public String getSiteKey() {
    return siteKey;
  }

  public String getAction() {
    return action;
  }

  public String getEntityType() {
    return entityType;
  }

  public String getEntityId() {
    return entityId;
  }

  public String getClientAddress() {
    return clientAddress;
  }

  public String getBefore() {
    return before;
  }

  public String getAfter() {
    return after;
  }
}
