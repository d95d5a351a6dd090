package tw.gov.civitas.core.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import tw.gov.civitas.core.security.Caller;

/**
 * Appends audit events inside the caller's transaction: a write that rolls back leaves no event,
 * and a write that commits always has one.
 */
@ApplicationScoped
public class AuditLog {

  @PersistenceContext(unitName = "civitas")
  EntityManager em;

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(Caller caller, String siteKey, String action, String entityType, String entityId, String before,
      String after) {
    em.persist(new AuditEvent(Instant.now(), caller.username(), siteKey, action, entityType, entityId,
        caller.clientAddress(), before, after));
  }

  /** Newest first. */
  public List<AuditEvent> forSite(String siteKey, int max) {
    return em.createQuery("select e from AuditEvent e where e.siteKey = :site order by e.occurredAt desc, e.id desc",
            AuditEvent.class)
        .setParameter("site", siteKey)
        .setMaxResults(max)
        .getResultList();
  }
}
