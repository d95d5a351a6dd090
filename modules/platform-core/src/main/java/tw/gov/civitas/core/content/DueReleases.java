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
import tw.gov.civitas.core.audit.AuditLog;
import tw.gov.civitas.core.security.Caller;

/**
 * Releases whose time has come, each claimed and carried out in its own transaction: all of its
 * items go public, each at the revision its publisher approved, or none.
 */
@ApplicationScoped
public class DueReleases {

  @PersistenceContext(unitName = "civitas")
  EntityManager em;

  @Inject AuditLog audit;
  @Inject ContentWorkflow workflow;

  /**
   * Candidates, oldest due first; not locked (another node may take one first: {@link #release}
   * then skips it).
   */
  @Transactional
  public List<Long> due(Instant now, int max) {
    return em.createQuery(
            "select r.id from ContentRelease r where r.state = :state and r.releaseAt <= :now"
                + " order by r.releaseAt",
            Long.class)
        .setParameter("state", ContentRelease.State.SCHEDULED)
        .setParameter("now", now)
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * Claims one due release if nobody holds it and publishes each of its items at its approved
   * revision, all in one transaction; returns how many items went public.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int release(long id, Instant now, Caller system) {
    List<ContentRelease> claimed =
        em.createQuery(
                "select r from ContentRelease r where r.id = :id"
                    + " and r.state = :state and r.releaseAt <= :now",
                ContentRelease.class)
            .setParameter("id", id)
            .setParameter("state", ContentRelease.State.SCHEDULED)
            .setParameter("now", now)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .setHint("jakarta.persistence.lock.timeout", DueItems.SKIP_LOCKED)
            .getResultList();
    if (claimed.isEmpty()) {
      return 0;
    }
    ContentRelease release = claimed.get(0);
    boolean allPublishable =
        release.getItems().stream().allMatch(i -> Transition.PUBLISH.allowedFrom(i.getState()));
    if (!allPublishable) {
      // All or nothing: a release with an archived item publishes none of them.
      release.finish(ContentRelease.State.FAILED, now);
      audit.record(
          system,
          release.getSite().getKey(),
          "release.failed",
          "release",
          String.valueOf(release.getId()),
          null,
          null);
      return 0;
    }
    int published = 0;
    for (Map.Entry<ContentItem, Integer> item : release.getApprovedRevisions().entrySet()) {
      // Wait for an editor's save of the item to finish, rather than fail on its version at commit.
      em.lock(item.getKey(), LockModeType.PESSIMISTIC_WRITE);
      published +=
          workflow.runDue(item.getKey(), Transition.PUBLISH, item.getValue(), system, now) ? 1 : 0;
    }
    release.finish(ContentRelease.State.RELEASED, now);
    audit.record(
        system,
        release.getSite().getKey(),
        "release.released",
        "release",
        String.valueOf(release.getId()),
        null,
        null);
    return published;
  }

  /** Records a release whose publication failed and rolled back: none of its items went public. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void failed(long id, Instant now, String reason, Caller system) {
    ContentRelease release = em.find(ContentRelease.class, id);
    if (release == null || release.getState() != ContentRelease.State.SCHEDULED) {
      return;
    }
    release.finish(ContentRelease.State.FAILED, now);
    audit.record(
        system,
        release.getSite().getKey(),
        "release.failed",
        "release",
        String.valueOf(id),
        null,
        jakarta.json.Json.createObjectBuilder().add("reason", reason).build().toString());
  }
}
