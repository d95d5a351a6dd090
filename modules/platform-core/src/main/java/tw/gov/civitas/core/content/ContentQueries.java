package tw.gov.civitas.core.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Lists of published content, per site or across sites, read from item rows only (no revision joins). */
@ApplicationScoped
public class ContentQueries {

  @PersistenceContext(unitName = "civitas")
  EntityManager em;

  @Transactional(Transactional.TxType.SUPPORTS)
  public ContentPage find(ContentQuery q) {
    StringBuilder where = new StringBuilder(" where i.publishedRevision is not null");
    Map<String, Object> params = new LinkedHashMap<>();
    if (!q.sites().isEmpty()) {
      where.append(" and i.site.key in :sites");
      params.put("sites", q.sites());
    }
    if (q.type() != null) {
      where.append(" and (i.typeId = :type or i.typeId like :typeSuffix)");
      params.put("type", q.type());
      params.put("typeSuffix", "%::" + q.type());
    }
    if (q.tag() != null) {
      where.append(" and array_contains(i.tags, :tag)");
      params.put("tag", q.tag());
    }
    if (q.from() != null) {
      where.append(" and i.publishedAt >= :from");
      params.put("from", q.from());
    }
    if (q.to() != null) {
      where.append(" and i.publishedAt < :to");
      params.put("to", q.to());
    }
    String order = switch (q.sort() == null ? "-publishedAt" : q.sort()) {
      case "publishedAt" -> " order by i.publishedAt asc, i.id asc";
      case "-updatedAt" -> " order by i.updatedAt desc, i.id desc";
      case "updatedAt" -> " order by i.updatedAt asc, i.id asc";
      default -> " order by i.publishedAt desc, i.id desc";
    };
    TypedQuery<Long> count = em.createQuery("select count(i) from ContentItem i" + where, Long.class);
    TypedQuery<ContentItem> list = em.createQuery("select i from ContentItem i join fetch i.site" + where + order,
        ContentItem.class);
    params.forEach((k, v) -> {
      count.setParameter(k, v);
      list.setParameter(k, v);
    });
    long total = count.getSingleResult();
    List<ContentView> items = new ArrayList<>();
    if (total > (long) (q.page() - 1) * q.size()) {
      list.setFirstResult((q.page() - 1) * q.size()).setMaxResults(q.size());
      for (ContentItem i : list.getResultList()) {
        items.add(ContentService.publishedView(i));
      }
    }
    return new ContentPage(items, total, q.page(), q.size());
  }

  /** Slugs of the site's published items (to resolve menus without dead links). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Set<String> publishedSlugs(String siteKey) {
    return Set.copyOf(em.createQuery("select i.slug from ContentItem i where i.site.key = :site"
        + " and i.publishedRevision is not null", String.class).setParameter("site", siteKey).getResultList());
  }
}
