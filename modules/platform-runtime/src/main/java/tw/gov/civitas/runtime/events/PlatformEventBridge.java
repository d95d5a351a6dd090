package tw.gov.civitas.runtime.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import tw.gov.civitas.core.content.ContentChanged;
import tw.gov.civitas.core.tenancy.SiteModulesChanged;
import tw.gov.civitas.spi.event.ContentEvent;
import tw.gov.civitas.spi.event.SiteEvent;

/**
 * Turns the core's own events into the SPI's, after the change committed: modules observe {@link
 * ContentEvent} and {@link SiteEvent} and never see a core type. Observers run in a transaction of
 * their own (the committed one cannot take a connection any more).
 */
@ApplicationScoped
public class PlatformEventBridge {

  @Inject Event<ContentEvent> content;
  @Inject Event<SiteEvent> sites;
  @Inject tw.gov.civitas.runtime.OwnTransactions transactions;

  record Content(Kind kind, String siteKey, String slug, String type, Instant at)
      implements ContentEvent {}

  record Site(Kind kind, String siteKey, Optional<String> moduleId) implements SiteEvent {}

  void contentChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentChanged change) {
    if (!change.publicChange()) {
      return; // drafts and reviews are nobody's business outside the editor
    }
    ContentEvent.Kind kind =
        switch (change.kind()) {
          case "published" -> ContentEvent.Kind.PUBLISHED;
          case "unpublished" -> ContentEvent.Kind.UNPUBLISHED;
          case "archived" -> ContentEvent.Kind.ARCHIVED;
          case "deleted" -> ContentEvent.Kind.DELETED;
          default -> null;
        };
    if (kind != null) {
      ContentEvent event =
          new Content(kind, change.siteKey(), change.slug(), change.type(), Instant.now());
      transactions.run(() -> content.fire(event));
    }
  }

  void modulesChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) SiteModulesChanged change) {
    transactions.run(
        () -> {
          if (change.created()) {
            sites.fire(new Site(SiteEvent.Kind.CREATED, change.siteKey(), Optional.empty()));
          }
          change
              .enabled()
              .forEach(
                  m ->
                      sites.fire(
                          new Site(
                              SiteEvent.Kind.MODULE_ENABLED, change.siteKey(), Optional.of(m))));
          change
              .disabled()
              .forEach(
                  m ->
                      sites.fire(
                          new Site(
                              SiteEvent.Kind.MODULE_DISABLED, change.siteKey(), Optional.of(m))));
        });
  }
}
