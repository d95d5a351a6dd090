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

  /** Newest first, filtered; at most {@code size} per page. */
  public List<AuditEvent> search(AuditQuery q) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
    if (q.siteKey() != null) {
      where.append(" and e.siteKey = :site");
      params.put("site", q.siteKey());
    }
    if (q.actor() != null) {
      where.append(" and e.actor = :actor");
      params.put("actor", q.actor());
    }
    if (q.action() != null) {
      where.append(" and e.action like :action");
      params.put("action", q.action().replace("%", "").replace("_", "\\_") + "%");
    }
    if (q.entityId() != null) {
      where.append(" and e.entityId = :entity");
      params.put("entity", q.entityId());
    }
    if (q.from() != null) {
      where.append(" and e.occurredAt >= :from");
      params.put("from", q.from());
    }
    if (q.to() != null) {
      where.append(" and e.occurredAt < :to");
      params.put("to", q.to());
    }
    var query = em.createQuery("select e from AuditEvent e" + where + " order by e.occurredAt desc, e.id desc",
        AuditEvent.class);
    params.forEach(query::setParameter);
    return query.setFirstResult((q.page() - 1) * q.size()).setMaxResults(q.size()).getResultList();
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
