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

  /** The site with that key; an unknown key is the caller's 404. */
  public Site require(String key) {
    return findByKey(key)
        .orElseThrow(
            () -> new tw.gov.civitas.core.error.NotFoundException("No site '" + key + "'"));
  }

  /** The site a production host name routes to (the Host header, without port). */
  public Optional<Site> findByDomain(String domain) {
    return em.createQuery(
            "select s from Site s join fetch s.agency join s.domains d where d = :domain",
            Site.class)
        .setParameter("domain", domain)
        .getResultStream()
        .findFirst();
  }

  public List<Site> findAll() {
    // One query: the agency and the domains come with each site (domains would otherwise load site
    // by site).
    return em.createQuery(
            "select distinct s from Site s join fetch s.agency left join fetch s.domains order by s.key",
            Site.class)
        .getResultList();
  }

  /**
   * Each site's default language, by key: what cross-site lists need, without loading whole sites.
   */
  public java.util.Map<String, String> defaultLanguages() {
    java.util.Map<String, String> languages = new java.util.HashMap<>();
    for (Object[] row :
        em.createQuery("select s.key, s.defaultLanguage from Site s", Object[].class)
            .getResultList()) {
      languages.put((String) row[0], (String) row[1]);
    }
    return languages;
  }

  public long count() {
    return em.createQuery("select count(s) from Site s", Long.class).getSingleResult();
  }
}
