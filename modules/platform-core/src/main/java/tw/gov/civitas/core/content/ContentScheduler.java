package tw.gov.civitas.core.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tw.gov.civitas.core.security.Caller;

/**
 * Carries out scheduled publishing, unpublishing and batch releases. The schedule lives in the
 * database, so it survives restarts; due rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so
 * with several nodes each item is moved exactly once.
 */
@ApplicationScoped
public class ContentScheduler {

  /** The actor recorded in the audit trail for scheduled changes. */
  static final Caller SYSTEM = new Caller("system:scheduler", Set.of(), Map.of(), null);
  private static final int BATCH = 100;
  /** Hibernate's "skip locked" lock timeout. */
  private static final int SKIP_LOCKED = -2;

  @PersistenceContext(unitName = "civitas")
  EntityManager em;

  @Inject ContentService content;
  @Inject ReleaseService releases;

  /** Runs everything due at {@code now}; returns how many items changed state. */
  @Transactional
  public int runDue(Instant now) {
    int moved = 0;
    for (ContentItem item : claim("select i from ContentItem i where i.publishAt <= :now order by i.publishAt", now)) {
      moved += content.runDue(item, Transition.PUBLISH, SYSTEM, now) ? 1 : 0;
    }
    for (ContentItem item : claim("select i from ContentItem i where i.unpublishAt <= :now order by i.unpublishAt",
        now)) {
      moved += content.runDue(item, Transition.UNPUBLISH, SYSTEM, now) ? 1 : 0;
    }
    moved += releases.runDue(now, SYSTEM);
    return moved;
  }

  private List<ContentItem> claim(String query, Instant now) {
    return em.createQuery(query, ContentItem.class)
        .setParameter("now", now)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
        .setMaxResults(BATCH)
        .getResultList();
  }
}
