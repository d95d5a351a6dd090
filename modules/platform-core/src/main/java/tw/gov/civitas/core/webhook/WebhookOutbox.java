package tw.gov.civitas.core.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tw.gov.civitas.core.content.ContentChanged;

/**
 * The webhooks' outbox. A public content change (or a module's event) writes one delivery per
 * interested webhook in the transaction of the change itself, so the change and its notifications
 * commit or roll back together (a crash right after a publish loses nothing); {@link
 * WebhookDispatcher} claims and sends them, retrying with backoff.
 */
@ApplicationScoped
public class WebhookOutbox {

  static final int MAX_ATTEMPTS = 6;

  /** How many deliveries one claim takes: the dispatcher sends them one after another. */
  static final int BATCH = 10;

  /**
   * How long a claim keeps other nodes off its deliveries: three times the longest a batch can take
   * (every attempt is cut off at {@link WebhookSender#DEADLINE}), so a delivery still in flight is
   * never claimed and sent again by another node.
   */
  static final Duration LEASE = WebhookSender.DEADLINE.multipliedBy(3L * BATCH);

  /** What the dispatcher needs to send one delivery, read in the claiming transaction. */
  public record Claimed(
      long id,
      String messageId,
      String url,
      String secret,
      String event,
      String payload,
      int attempts) {}

  @PersistenceContext(unitName = "civitas")
  EntityManager em;

  @Inject tw.gov.civitas.core.module.Platform platform;

  /**
   * Writes the notifications in the transaction that makes the change (the outbox): they commit
   * with it or not at all, and a failure to write them fails the change. (REQUIRED joins that
   * transaction; every content write has one.)
   */
  @Transactional
  public void contentChanged(
      @Observes(during = TransactionPhase.IN_PROGRESS) ContentChanged change) {
    if (!change.publicChange()) {
      return;
    }
    String event =
        switch (change.kind()) {
          case "published" -> "content.published";
          case "deleted" -> "content.deleted";
          default -> "content.unpublished";
        };
    List<Webhook> hooks =
        em.createQuery(
                "select w from Webhook w where w.site.key = :site and w.active = true",
                Webhook.class)
            .setParameter("site", change.siteKey())
            .getResultList();
    Instant now = Instant.now();
    for (Webhook hook : hooks) {
      if (!hook.getEvents().contains(event)) {
        continue;
      }
      String payload =
          Json.createObjectBuilder()
              .add("event", event)
              .add("site", change.siteKey())
              .add("type", change.type())
              .add("slug", change.slug())
              .add("occurredAt", now.toString())
              .add(
                  "links",
                  Json.createObjectBuilder()
                      .add("api", "/api/v1/sites/" + change.siteKey() + "/content/" + change.slug())
                      .add("html", "/sites/" + change.siteKey() + "/" + change.slug()))
              .build()
              .toString();
      em.persist(new WebhookDelivery(hook, event, payload, now));
    }
  }

  /**
   * A module's own event for a site's webhooks that subscribe to it, written in the current
   * transaction (the outbox), so it is delivered exactly when the module's write commits.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void enqueue(String siteKey, String event, jakarta.json.JsonObject data) {
    if (!platform.registry().eventTypes().contains(event)) {
      throw new IllegalArgumentException("No module declares the event type '" + event + "'");
    }
    Instant now = Instant.now();
    String payload =
        Json.createObjectBuilder()
            .add("event", event)
            .add("site", siteKey)
            .add("occurredAt", now.toString())
            .add("data", data)
            .build()
            .toString();
    for (Webhook hook :
        em.createQuery(
                "select w from Webhook w where w.site.key = :site and w.active = true",
                Webhook.class)
            .setParameter("site", siteKey)
            .getResultList()) {
      if (hook.getEvents().contains(event)) {
        em.persist(new WebhookDelivery(hook, event, payload, now));
      }
    }
  }

  /** Claims due deliveries for a while (a lease), so that no other node sends them meanwhile. */
  @Transactional
  public List<Claimed> claimDue(Instant now) {
    List<WebhookDelivery> due =
        em.createQuery(
                "select d from WebhookDelivery d join fetch d.webhook"
                    + " where d.state = :pending and d.nextAttemptAt <= :now order by d.nextAttemptAt",
                WebhookDelivery.class)
            .setParameter("pending", WebhookDelivery.State.PENDING)
            .setParameter("now", now)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .setHint("jakarta.persistence.lock.timeout", -2)
            .setMaxResults(BATCH)
            .getResultList();
    List<Claimed> claimed = new ArrayList<>();
    for (WebhookDelivery d : due) {
      d.lease(now.plus(LEASE));
      claimed.add(
          new Claimed(
              d.getId(),
              d.getMessageId().toString(),
              d.getWebhook().getUrl(),
              d.getWebhook().getSecret(),
              d.getEvent(),
              d.getPayload(),
              d.getAttempts()));
    }
    return claimed;
  }

  /**
   * Records one attempt: its HTTP status if the target answered, and the failure's category if it
   * failed.
   */
  @Transactional
  public void recordResult(long deliveryId, Integer status, String errorCategory, Instant now) {
    WebhookDelivery d = em.find(WebhookDelivery.class, deliveryId);
    if (d == null) {
      return; // the webhook was deleted meanwhile
    }
    if (status != null && status >= 200 && status < 300) {
      d.succeeded(status, now);
    } else {
      int attempt = d.getAttempts() + 1;
      Instant retry = attempt >= MAX_ATTEMPTS ? null : now.plus(backoff(attempt));
      d.failed(
          status,
          errorCategory != null ? errorCategory : WebhookSender.statusCategory(status),
          retry);
    }
  }

  /**
   * 1, 4, 16, 64… times the base delay (60 s unless {@code civitas.webhooks.backoff-seconds} says
   * otherwise).
   */
  static Duration backoff(int attempt) {
    long base = Long.getLong("civitas.webhooks.backoff-seconds", 60);
    return Duration.ofSeconds(base * (1L << (2 * (attempt - 1))));
  }
}
