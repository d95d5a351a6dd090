package tw.gov.civitas.core.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import tw.gov.civitas.core.audit.AuditLog;
import tw.gov.civitas.core.security.Caller;

/**
 * Items whose scheduled publication or unpublication is due, each claimed and moved in its own
 * transaction.
 */
@ApplicationScoped
public class DueItems {

  /** Hibernate's "skip locked" lock timeout. */
  static final int SKIP_LOCKED = -2;

  @PersistenceContext(unitName = "civitas")
  EntityManager em;

  @Inject ContentWorkflow workflow;
  @Inject AuditLog audit;

  /**
   * Candidates, oldest due first; not locked (another node may take one first: {@link #move} then
   * skips it).
   */
  @Transactional
  public List<Long> due(Transition transition, Instant now, int max) {
    String at = at(transition);
    return em.createQuery(
            "select i.id from ContentItem i where i."
                + at
                + " <= :now"
                + " and (i.scheduleRetryAt is null or i.scheduleRetryAt <= :now) order by i."
                + at,
            Long.class)
        .setParameter("now", now)
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * Claims one item if it is still due and nobody holds it, and moves it; returns whether it
   * changed.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean move(long id, Transition transition, Instant now, Caller system) {
    List<ContentItem> claimed =
        em.createQuery(
                "select i from ContentItem i where i.id = :id and i."
                    + at(transition)
                    + " <= :now and (i.scheduleRetryAt is null or i.scheduleRetryAt <= :now)",
                ContentItem.class)
            .setParameter("id", id)
            .setParameter("now", now)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
            .getResultList();
    if (claimed.isEmpty()) {
      return false;
    }
    ContentItem item = claimed.get(0);
    return workflow.runDue(item, transition, item.getScheduledRevision(), system, now);
  }

  /**
   * Records a move that failed and rolled back, and sets the item aside until {@code
   * civitas.scheduler.retry-seconds} (default 300) have passed.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void failed(long id, Transition transition, Instant now, String reason, Caller system) {
    ContentItem item = em.find(ContentItem.class, id);
    if (item == null) {
      return; // deleted meanwhile: nothing is due any more
    }
    Instant retryAt =
        now.plus(Duration.ofSeconds(Long.getLong("civitas.scheduler.retry-seconds", 300)));
    item.scheduleFailed(retryAt);
    audit.record(
        system,
        item.getSite().getKey(),
        "content.scheduled-" + transition.wireName() + "-failed",
        "content-item",
        item.getSlug(),
        null,
        Json.createObjectBuilder()
            .add("reason", reason)
            .add("retryAt", retryAt.toString())
            .build()
            .toString());
  }

  private static String at(Transition transition) {
    return transition == Transition.PUBLISH ? "publishAt" : "unpublishAt";
  }
}
