package tw.gov.civitas.runtime.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import tw.gov.civitas.core.webhook.WebhookOutbox;
import tw.gov.civitas.spi.event.ModuleEvent;
import tw.gov.civitas.spi.event.ModuleEvents;

/**
 * The SPI's module events: into the webhook outbox in the caller's transaction, to observers after
 * commit.
 */
@ApplicationScoped
public class RuntimeModuleEvents implements ModuleEvents {

  @Inject WebhookOutbox outbox;
  @Inject Event<ModuleEvent> observers;
  @Inject tw.gov.civitas.runtime.OwnTransactions own;

  record Published(String siteKey, String type, String payloadJson) implements ModuleEvent {}

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void publish(String siteKey, String type, String payloadJson) {
    JsonObject data;
    try (var r = Json.createReader(new StringReader(payloadJson))) {
      data = r.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new IllegalArgumentException(
          "An event's payload must be a JSON object: " + e.getMessage());
    }
    outbox.enqueue(siteKey, type, data);
    Published event = new Published(siteKey, type, data.toString());
    // Other modules hear of it once it committed, their observers in a transaction of their own.
    own.afterCommit(() -> own.run(() -> observers.fire(event)));
  }
}
