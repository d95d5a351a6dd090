package tw.gov.civitas.core.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class SiteRepository {

  @PersistenceContext(unitName = "civitas")
  EntityManager em;

  public Optional<Site> findByKey(String key) {
    return em.createQuery("select s from Site s join fetch s.agency where s.key = :key", Site.class)
        .setParameter("key", key)
        .getResultStream()
        .findFirst();
  }

  /** The site a production host name routes to (the Host header, without port). */
  public Optional<Site> findByDomain(String domain) {
    return em.createQuery("select s from Site s join fetch s.agency join s.domains d where d = :domain", Site.class)
        .setParameter("domain", domain)
        .getResultStream()
        .findFirst();
  }

  public List<Site> findAll() {
    return em.createQuery("select s from Site s join fetch s.agency order by s.key", Site.class).getResultList();
  }

  public long count() {
    return em.createQuery("select count(s) from Site s", Long.class).getSingleResult();
  }
}
