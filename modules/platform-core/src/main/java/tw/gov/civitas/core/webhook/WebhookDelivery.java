package tw.gov.civitas.core.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** One notification to one webhook: queued, retried with backoff, and kept as the delivery log. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

  public enum State {
    PENDING,
    DELIVERED,
    FAILED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /**
   * The Standard Webhooks message id: the same on every retry, never reused (not even after a
   * database restore).
   */
  @Column(name = "message_id", nullable = false, updatable = false)
  private UUID messageId;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "webhook_id")
  private Webhook webhook;

  @Column(nullable = false)
  private String event;

  @Column(nullable = false, columnDefinition = "jsonb")
  @ColumnTransformer(write = "?::jsonb")
  private String payload;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private State state = State.PENDING;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "last_status")
  private Integer lastStatus;

  /** Why the last attempt failed, as a category (never a target's or an exception's text). */
  @Column(name = "last_error")
  private String lastError;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  protected WebhookDelivery() {}

  WebhookDelivery(Webhook webhook, String event, String payload, Instant now) {
    this.messageId = UUID.randomUUID();
    this.webhook = webhook;
    this.event = event;
    this.payload = payload;
    this.createdAt = now;
    this.nextAttemptAt = now;
  }

  public Long getId() {
    return id;
  }

  public UUID getMessageId() {
    return messageId;
  }

  public Webhook getWebhook() {
    return webhook;
  }

  public String getEvent() {
    return event;
  }

  public String getPayload() {
    return payload;
  }

  public State getState() {
    return state;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public Integer getLastStatus() {
    return lastStatus;
  }

  public String getLastError() {
    return lastError;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getDeliveredAt() {
    return deliveredAt;
  }

  void lease(Instant until) {
    this.nextAttemptAt = until;
  }

  void succeeded(int status, Instant now) {
    attempts++;
    state = State.DELIVERED;
    lastStatus = status;
    lastError = null;
    deliveredAt = now;
    nextAttemptAt = null;
  }

  void failed(Integer status, String errorCategory, Instant retryAt) {
    attempts++;
    lastStatus = status;
    lastError = errorCategory;
    if (retryAt == null) {
      state = State.FAILED;
      nextAttemptAt = null;
    } else {
      nextAttemptAt = retryAt;
    }
  }
}
