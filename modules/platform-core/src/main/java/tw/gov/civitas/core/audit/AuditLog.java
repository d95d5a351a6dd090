package tw.gov.civitas.core.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.security.AccessDeniedException;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.security.SiteAuthorization;

/**
 * Appends audit events inside the caller's transaction: a write that rolls back leaves no event,
 * and a write that commits always has one.
 */
@ApplicationScoped
public class AuditLog {

  @PersistenceContext(unitName = "civitas")
  EntityManager em;

  @Inject SiteAuthorization authorization;

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      Caller caller,
      String siteKey,
      String action,
      String entityType,
      String entityId,
      String before,
      String after) {
    em.persist(
        new AuditEvent(
            Instant.now(),
            caller.username(),
            siteKey,
            action,
            entityType,
            entityId,
            caller.clientAddress(),
            asJson(before),
            asJson(after)));
  }

  /**
   * The before/after columns are JSON documents; a plain text (a file name, a URL) is stored as a
   * JSON string, so that what a write chose to record can never make the write itself fail.
   */
  static String asJson(String state) {
    if (state == null) {
      return null;
    }
    try (jakarta.json.JsonReader r =
        jakarta.json.Json.createReader(new java.io.StringReader(state))) {
      r.readValue();
      return state;
    } catch (jakarta.json.JsonException e) {
      return jakarta.json.Json.createValue(state).toString();
    }
  }

  /**
   * Newest first, filtered; at most {@code size} per page. A site's trail is for its
   * administrators, every site's for platform administrators: checked here, whoever calls.
   */
  public List<AuditEvent> search(Caller caller, AuditQuery q) {
    if (q.siteKey() == null) {
      if (!caller.isPlatformAdmin()) {
        throw new AccessDeniedException(
            "Only platform administrators may read every site's audit trail");
      }
    } else {
      authorization.require(caller, q.siteKey(), CoreModule.SITE_MANAGE);
    }
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
    var query =
        em.createQuery(
            "select e from AuditEvent e" + where + " order by e.occurredAt desc, e.id desc",
            AuditEvent.class);
    params.forEach(query::setParameter);
    return query.setFirstResult((q.page() - 1) * q.size()).setMaxResults(q.size()).getResultList();
  }

  /** Newest first. */
  public List<AuditEvent> forSite(String siteKey, int max) {
    return em.createQuery(
            "select e from AuditEvent e where e.siteKey = :site order by e.occurredAt desc, e.id desc",
            AuditEvent.class)
        .setParameter("site", siteKey)
        .setMaxResults(max)
        .getResultList();
  }
}
