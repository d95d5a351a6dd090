package tw.gov.civitas.core.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.massindexing.MassIndexer;
import tw.gov.civitas.core.content.ContentItem;

/**
 * Rebuilds the search index from the database (Hibernate Search's mass indexer): after a restore,
 * on a new node with an empty index, or after bulk-loading content.
 */
@ApplicationScoped
public class SearchIndex {

  private static final Logger LOG = Logger.getLogger(SearchIndex.class.getName());

  /** Where a rebuild stands. */
  public record Status(String state, Instant startedAt, Instant finishedAt, String error) {}

  @PersistenceUnit(unitName = "civitas")
  EntityManagerFactory emf;

  private final AtomicReference<Status> status =
      new AtomicReference<>(new Status("idle", null, null, null));

  @jakarta.inject.Inject tw.gov.civitas.core.audit.AuditLog audit;

  /** Starts a rebuild in the background unless one is running; returns the status. */
  @jakarta.transaction.Transactional
  public Status rebuild(tw.gov.civitas.core.security.Caller caller) {
    if (!caller.isPlatformAdmin()) {
      throw new tw.gov.civitas.core.security.AccessDeniedException(
          "Only platform administrators rebuild the search index");
    }
    audit.record(caller, null, "search-index.rebuild", "search-index", "content", null, null);
    Status current = status.get();
    if ("running".equals(current.state())) {
      return current;
    }
    Instant started = Instant.now();
    Status running = new Status("running", started, null, null);
    if (!status.compareAndSet(current, running)) {
      return status.get();
    }
    MassIndexer indexer =
        Search.mapping(emf)
            .scope(ContentItem.class)
            .massIndexer()
            .threadsToLoadObjects(2)
            .batchSizeToLoadObjects(500)
            .purgeAllOnStart(true);
    indexer
        .start()
        .whenComplete(
            (ok, failure) -> {
              Instant done = Instant.now();
              status.set(
                  new Status(
                      failure == null ? "done" : "failed",
                      started,
                      done,
                      failure == null ? null : failure.getClass().getSimpleName()));
              LOG.info(
                  () ->
                      "Search index rebuilt in "
                          + Duration.between(started, done).toSeconds()
                          + " s"
                          + (failure == null ? "" : " with a failure: " + failure));
            });
    return running;
  }

  public Status status() {
    return status.get();
  }
}
