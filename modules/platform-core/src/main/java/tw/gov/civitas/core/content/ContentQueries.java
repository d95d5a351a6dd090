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
import java.util.Optional;
import java.util.Set;

/**
 * Published content, for public delivery: one item, or lists per site or across sites, read from
 * item rows only (no revision joins).
 */
@ApplicationScoped
public class ContentQueries {

  @PersistenceContext(unitName = "civitas")
  EntityManager em;

  @jakarta.inject.Inject tw.gov.civitas.core.module.Platform platform;

  /** Counting stops here: past it the total is reported as a lower bound. */
  public static final int COUNT_LIMIT = 10_000;

  /**
   * A plug-in's content types on the sites that do not enable it (any more): never listed there.
   */
  record Hidden(List<Long> siteIds, List<String> siteKeys, List<String> types) {}

  /** A site as a list needs it: its id, its key and the plug-in modules it enables. */
  private record SiteRow(Long id, String key, List<String> modules) {}

  /** The sites named (every site when none is named). */
  private List<SiteRow> sites(java.util.Collection<String> siteKeys) {
    TypedQuery<Object[]> query =
        em.createQuery(
            "select s.id, s.key, s.enabledModules from Site s"
                + (siteKeys.isEmpty() ? "" : " where s.key in :keys"),
            Object[].class);
    if (!siteKeys.isEmpty()) {
      query.setParameter("keys", siteKeys);
    }
    return query.getResultList().stream()
        .map(r -> new SiteRow((Long) r[0], (String) r[1], List.of((String[]) r[2])))
        .toList();
  }

  /**
   * What to leave out of a list over these sites (all when empty); nothing, and no query, when no
   * plug-in has content types.
   */
  List<Hidden> hidden(java.util.Collection<String> siteKeys) {
    return platform.registry().perSiteContentTypes().isEmpty()
        ? List.of()
        : hidden(sites(siteKeys));
  }

  private List<Hidden> hidden(List<SiteRow> sites) {
    List<Hidden> hidden = new ArrayList<>();
    platform
        .registry()
        .perSiteContentTypes()
        .forEach(
            (module, types) -> {
              List<SiteRow> without =
                  sites.stream().filter(s -> !s.modules().contains(module)).toList();
              if (!without.isEmpty()) {
                hidden.add(
                    new Hidden(
                        without.stream().map(SiteRow::id).toList(),
                        without.stream().map(SiteRow::key).toList(),
                        types));
              }
            });
    return hidden;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ContentPage find(ContentQuery q, String typeId) {
    StringBuilder where = new StringBuilder(" where i.publishedRevision is not null");
    StringBuilder sqlWhere = new StringBuilder(" where i.published_revision is not null");
    Map<String, Object> params = new LinkedHashMap<>();
    List<Object> sqlParams = new ArrayList<>();
    List<Hidden> hidden;
    if (!q.sites().isEmpty()) {
      // Filter on site ids, not keys through a join: with one site the planner then reads the
      // newest rows straight off (site_id, published_at, id) instead of sorting all of them.
      List<SiteRow> named = sites(q.sites());
      List<Long> ids = named.stream().map(SiteRow::id).toList();
      hidden = hidden(named); // from the same rows: one query for both
      if (ids.isEmpty()) {
        return new ContentPage(List.of(), 0, true, q.page(), q.size());
      }
      where.append(" and i.site.id in :sites");
      params.put("sites", ids);
      sqlWhere.append(" and i.site_id in (").append(placeholders(ids.size())).append(")");
      sqlParams.addAll(ids);
    } else {
      hidden = hidden(List.<String>of());
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
    for (int h = 0; h < hidden.size(); h++) {
      where
          .append(" and not (i.site.id in :hiddenSites")
          .append(h)
          .append(" and i.typeId in :hiddenTypes")
          .append(h)
          .append(")");
      params.put("hiddenSites" + h, hidden.get(h).siteIds());
      params.put("hiddenTypes" + h, hidden.get(h).types());
      sqlWhere
          .append(" and not (i.site_id in (")
          .append(placeholders(hidden.get(h).siteIds().size()))
          .append(") and i.type_id in (")
          .append(placeholders(hidden.get(h).types().size()))
          .append("))");
      sqlParams.addAll(hidden.get(h).siteIds());
      sqlParams.addAll(hidden.get(h).types());
    }
    String order =
        switch (q.sort() == null ? "-publishedAt" : q.sort()) {
          case "publishedAt" -> " order by i.publishedAt asc, i.id asc";
          case "-updatedAt" -> " order by i.updatedAt desc, i.id desc";
          case "updatedAt" -> " order by i.updatedAt asc, i.id asc";
          default -> " order by i.publishedAt desc, i.id desc";
        };
    // A bounded count: exact up to COUNT_LIMIT, a lower bound past it.
    var count =
        em.createNativeQuery(
            "select count(*) from (select 1 from content_item i"
                + sqlWhere
                + " limit "
                + (COUNT_LIMIT + 1)
                + ") t");
    for (int i = 0; i < sqlParams.size(); i++) {
      count.setParameter(i + 1, sqlParams.get(i));
    }
    long counted = ((Number) count.getSingleResult()).longValue();
    boolean exact = counted <= COUNT_LIMIT;
    TypedQuery<ContentItem> list =
        em.createQuery(
            "select i from ContentItem i join fetch i.site" + where + order, ContentItem.class);
    params.forEach(list::setParameter);
    List<ContentView> items = new ArrayList<>();
    if (!exact || counted > (long) (q.page() - 1) * q.size()) {
      list.setFirstResult((q.page() - 1) * q.size()).setMaxResults(q.size());
      for (ContentItem i : list.getResultList()) {
        items.add(ContentView.published(i));
      }
    }
    return new ContentPage(items, exact ? counted : COUNT_LIMIT, exact, q.page(), q.size());
  }

  private static String placeholders(int n) {
    return String.join(",", java.util.Collections.nCopies(n, "?"));
  }

  /**
   * The published revision of an item; empty if unknown, not published, or of a plug-in's type on a
   * site that does not enable the plug-in (any more).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ContentView> published(String siteKey, String slug) {
    return em.createQuery(
            "select i from ContentItem i join fetch i.site where i.site.key = :site and i.slug = :slug"
                + " and i.publishedRevision is not null",
            ContentItem.class)
        .setParameter("site", siteKey)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst()
        .filter(
            item ->
                platform
                    .registry()
                    .contentType(item.getTypeId())
                    .map(
                        t ->
                            platform
                                .registry()
                                .typeEnabledOn(item.getSite().getEnabledModules(), t))
                    .orElse(false))
        .map(ContentView::published);
  }

  /**
   * Slugs of the site's published items, as citizens see them (to resolve menus without dead
   * links).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Set<String> publishedSlugs(String siteKey) {
    List<String> hiddenTypes =
        hidden(List.of(siteKey)).stream().flatMap(h -> h.types().stream()).toList();
    TypedQuery<String> slugs =
        em.createQuery(
                "select i.slug from ContentItem i where i.site.key = :site"
                    + " and i.publishedRevision is not null"
                    + (hiddenTypes.isEmpty() ? "" : " and i.typeId not in :hidden"),
                String.class)
            .setParameter("site", siteKey);
    if (!hiddenTypes.isEmpty()) {
      slugs.setParameter("hidden", hiddenTypes);
    }
    return Set.copyOf(slugs.getResultList());
  }
}
