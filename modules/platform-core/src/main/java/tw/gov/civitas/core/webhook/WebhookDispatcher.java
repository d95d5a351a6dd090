package tw.gov.civitas.core.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * Sends due webhook deliveries, outside any database transaction: claim a bounded batch (short
 * transaction, with a lease longer than the batch can take), POST each one signed in the Standard
 * Webhooks scheme ({@link WebhookSignature}) to an address the {@link WebhookTargetPolicy} allows,
 * record each outcome (short transaction).
 */
@ApplicationScoped
public class WebhookDispatcher {

  @Inject WebhookOutbox outbox;
  @Inject WebhookTargetPolicy targets;

  private WebhookSender sender;

  @PostConstruct
  void open() {
    sender = new WebhookSender(targets);
  }

  @PreDestroy
  void close() {
    sender.close();
  }

  /** Returns how many deliveries were attempted. */
  public int dispatchDue(Instant now) {
    List<WebhookOutbox.Claimed> batch = outbox.claimDue(now);
    for (WebhookOutbox.Claimed delivery : batch) {
      WebhookSender.Outcome outcome = sender.send(delivery, Instant.now());
      outbox.recordResult(delivery.id(), outcome.status(), outcome.error(), Instant.now());
    }
    return batch.size();
  }
}
