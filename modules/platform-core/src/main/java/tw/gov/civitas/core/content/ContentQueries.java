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

  /** Counting stops here: past it the total is reported as a lower bound. */
  public static final int COUNT_LIMIT = 10_000;

  @Transactional(Transactional.TxType.SUPPORTS)
  public ContentPage find(ContentQuery q, String typeId) {
    StringBuilder where = new StringBuilder(" where i.publishedRevision is not null");
    StringBuilder sqlWhere = new StringBuilder(" where i.published_revision is not null");
    Map<String, Object> params = new LinkedHashMap<>();
    List<Object> sqlParams = new ArrayList<>();
    if (!q.sites().isEmpty()) {
      // Filter on site ids, not keys through a join: with one site the planner then reads the
      // newest rows straight off (site_id, published_at, id) instead of sorting all of them.
      List<Long> ids = em.createQuery("select s.id from Site s where s.key in :keys", Long.class)
          .setParameter("keys", q.sites()).getResultList();
      if (ids.isEmpty()) {
        return new ContentPage(List.of(), 0, true, q.page(), q.size());
      }
      where.append(" and i.site.id in :sites");
      params.put("sites", ids);
      sqlWhere.append(" and i.site_id in (").append(String.join(",", java.util.Collections.nCopies(ids.size(), "?")))
          .append(")");
      sqlParams.addAll(ids);
    }
    if (typeId != null) {
      where.append(" and i.typeId = :type");
      params.put("type", typeId);
      sqlWhere.append(" and i.type_id = ?");
      sqlParams.add(typeId);
    }
    if (q.tag() != null) {
      where.append(" and array_contains(i.tags, :tag)");
      params.put("tag", q.tag());
      sqlWhere.append(" and i.tags @> array[?]::varchar[]");
      sqlParams.add(q.tag());
    }
    if (q.from() != null) {
      where.append(" and i.publishedAt >= :from");
      params.put("from", q.from());
      sqlWhere.append(" and i.published_at >= ?");
      sqlParams.add(java.sql.Timestamp.from(q.from()));
    }
    if (q.to() != null) {
      where.append(" and i.publishedAt < :to");
      params.put("to", q.to());
      sqlWhere.append(" and i.published_at < ?");
      sqlParams.add(java.sql.Timestamp.from(q.to()));
    }
    String order = switch (q.sort() == null ? "-publishedAt" : q.sort()) {
      case "publishedAt" -> " order by i.publishedAt asc, i.id asc";
      case "-updatedAt" -> " order by i.updatedAt desc, i.id desc";
      case "updatedAt" -> " order by i.updatedAt asc, i.id asc";
      default -> " order by i.publishedAt desc, i.id desc";
    };
    // A bounded count: exact up to COUNT_LIMIT, a lower bound past it.
    var count = em.createNativeQuery("select count(*) from (select 1 from content_item i"
        + sqlWhere + " limit " + (COUNT_LIMIT + 1) + ") t");
    for (int i = 0; i < sqlParams.size(); i++) {
      count.setParameter(i + 1, sqlParams.get(i));
    }
    long counted = ((Number) count.getSingleResult()).longValue();
    boolean exact = counted <= COUNT_LIMIT;
    TypedQuery<ContentItem> list = em.createQuery("select i from ContentItem i join fetch i.site" + where + order,
        ContentItem.class);
    params.forEach(list::setParameter);
    List<ContentView> items = new ArrayList<>();
    if (!exact || counted > (long) (q.page() - 1) * q.size()) {
      list.setFirstResult((q.page() - 1) * q.size()).setMaxResults(q.size());
      for (ContentItem i : list.getResultList()) {
        items.add(ContentService.publishedView(i));
      }
    }
    return new ContentPage(items, exact ? counted : COUNT_LIMIT, exact, q.page(), q.size());
  }

  /** Slugs of the site's published items (to resolve menus without dead links). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Set<String> publishedSlugs(String siteKey) {
    return Set.copyOf(em.createQuery("select i.slug from ContentItem i where i.site.key = :site"
        + " and i.publishedRevision is not null", String.class).setParameter("site", siteKey).getResultList());
  }
}
