package tw.gov.civitas.core.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;
import tw.gov.civitas.core.error.ConflictException;
import tw.gov.civitas.core.error.NotFoundException;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.tenancy.Site;

/**
 * A site's items and their revisions, as the content use cases load and write them, inside the use
 * case's transaction. Permission checks and audit are the use cases' (with {@link
 * ContentAuthorization} and {@link ContentAudit}); this class only reads and writes.
 */
@ApplicationScoped
public class ContentRepository {

  @PersistenceContext(unitName = "civitas")
  EntityManager em;

  @Inject EditConflicts conflicts;

  Optional<ContentItem> find(Site site, String slug) {
    return em.createQuery(
            "select i from ContentItem i join fetch i.site where i.site = :site and i.slug = :slug",
            ContentItem.class)
        .setParameter("site", site)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  /** The site's item; an unknown slug is the caller's 404. */
  ContentItem require(Site site, String slug) {
    return find(site, slug)
        .orElseThrow(
            () -> new NotFoundException("No item '" + slug + "' on site '" + site.getKey() + "'"));
  }

  Revision revision(ContentItem item, int number) {
    return em.createQuery(
            "select r from Revision r where r.item = :item and r.number = :number", Revision.class)
        .setParameter("item", item)
        .setParameter("number", number)
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () -> new NotFoundException("Item '" + item.getSlug() + "' has no revision " + number));
  }

  Revision current(ContentItem item) {
    return revision(item, item.getCurrentRevision());
  }

  /** The item's revisions, newest first. */
  List<Revision> revisions(ContentItem item) {
    return em.createQuery(
            "select r from Revision r where r.item = :item order by r.number desc", Revision.class)
        .setParameter("item", item)
        .getResultList();
  }

  /**
   * One page of the site's items at their current revisions, as {@code filter} selects and sorts
   * them (SQL, because the criteria read the revision's jsonb). Every value is a bound parameter.
   */
  ManagedItemPage managedItems(java.util.Collection<Site> sites, ItemFilter filter) {
    if (sites.isEmpty()) {
      return new ManagedItemPage(List.of(), 0, filter.page(), filter.size());
    }
    StringBuilder where =
        new StringBuilder(
            " from content_item i join content_revision r on r.item_id = i.id"
                + " and r.number = i.current_revision where i.site_id in (:sites)");
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    params.put("sites", sites.stream().map(Site::getId).toList());
    if (filter.type() != null) {
      where.append(" and i.type_id like :type escape '\\'");
      params.put("type", "%::" + likeEscaped(filter.type()));
    }
    if (filter.state() != null) {
      where.append(" and i.state = :state");
      params.put("state", filter.state().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
    if (filter.language() != null) {
      // a translatable field holds {"zh-TW": …, "en": …}
      where.append(
          " and exists (select 1 from jsonb_each(r.fields) f where jsonb_typeof(f.value) = 'object'"
              + " and jsonb_exists(f.value, :lang))");
      params.put("lang", filter.language());
    }
    if (filter.author() != null) {
      where.append(" and r.author = :author");
      params.put("author", filter.author());
    }
    if (filter.text() != null) {
      where.append(
          " and (i.slug ilike :text escape '\\' or exists (select 1 from jsonb_each_text(r.fields) f"
              + " where f.value ilike :text escape '\\'))");
      params.put("text", "%" + likeEscaped(filter.text()) + "%");
    }
    if (filter.updatedFrom() != null) {
      where.append(" and i.updated_at >= :from");
      params.put("from", java.sql.Timestamp.from(filter.updatedFrom()));
    }
    if (filter.updatedBefore() != null) {
      where.append(" and i.updated_at < :before");
      params.put("before", java.sql.Timestamp.from(filter.updatedBefore()));
    }
    if (filter.scheduledBefore() != null) {
      where.append(" and (i.publish_at < :due or i.unpublish_at < :due)");
      params.put("due", java.sql.Timestamp.from(filter.scheduledBefore()));
    }
    jakarta.persistence.Query count = em.createNativeQuery("select count(*)" + where);
    params.forEach(count::setParameter);
    long total = ((Number) count.getSingleResult()).longValue();
    jakarta.persistence.Query page =
        em.createNativeQuery("select i.id" + where + " order by " + order(filter.sort()));
    params.forEach(page::setParameter);
    List<Long> ids = new ArrayList<>();
    for (Object id :
        page.setFirstResult((filter.page() - 1) * filter.size())
            .setMaxResults(filter.size())
            .getResultList()) {
      ids.add(((Number) id).longValue());
    }
    java.util.Map<Long, ManagedItem> byId = new java.util.HashMap<>();
    if (!ids.isEmpty()) {
      for (Object[] row :
          em.createQuery(
                  "select i, r from ContentItem i join fetch i.site join Revision r"
                      + " on r.item = i and r.number = i.currentRevision where i.id in :ids",
                  Object[].class)
              .setParameter("ids", ids)
              .getResultList()) {
        ContentItem item = (ContentItem) row[0];
        Revision revision = (Revision) row[1];
        byId.put(
            item.getId(),
            new ManagedItem(
                ContentView.of(item, revision), revision.getAuthor(), item.getCreatedBy()));
      }
    }
    return new ManagedItemPage(
        ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList(),
        total,
        filter.page(),
        filter.size());
  }

  /** The ORDER BY of a sort name (validated by the caller; anything else is the default). */
  private static String order(String sort) {
    String name = sort == null ? "-updated" : sort;
    boolean descending = name.startsWith("-");
    String key = descending ? name.substring(1) : name;
    String column =
        switch (key) {
          case "title" ->
              "coalesce(r.fields->'title'->>'zh-TW', r.fields->'title'->>'en', r.fields->>'title', i.slug)";
          case "created" -> "i.created_at";
          case "state" -> "i.state";
          case "type" -> "i.type_id";
          case "scheduled" -> "least(i.publish_at, i.unpublish_at)";
          default -> "i.updated_at";
        };
    return column + (descending ? " desc" : " asc") + ", i.id" + (descending ? " desc" : " asc");
  }

  private static String likeEscaped(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /**
   * Stores a new item with its first revision, both as of the item's creation; a slug already taken
   * on the site is a conflict.
   */
  Revision add(ContentItem item, String fields, Caller caller, String comment) {
    if (find(item.getSite(), item.getSlug()).isPresent()) {
      throw slugTaken(item);
    }
    try {
      em.persist(item);
    } catch (PersistenceException e) {
      // Another request created the same slug since the check above.
      throw uniqueViolation(e) ? slugTaken(item) : e;
    }
    Revision revision =
        new Revision(item, 1, fields, caller.username(), item.getCreatedAt(), comment);
    em.persist(revision);
    item.revised(1, item.getCreatedAt());
    return revision;
  }

  /**
   * Deletes the item and, with it, its revisions; {@code loaded} is one of them that this
   * transaction holds.
   */
  void remove(ContentItem item, Revision loaded) {
    // Revisions go with the item (ON DELETE CASCADE); the one loaded here must not hold on to it.
    em.detach(loaded);
    em.remove(item);
    write(item);
  }

  /** Saves {@code fields} as the item's next revision, by {@code caller}. */
  Revision revise(Caller caller, ContentItem item, String fields, String comment) {
    int next = item.getCurrentRevision() + 1;
    Instant now = Instant.now();
    item.revised(next, now);
    // The item row first: its version check (and row lock) decides which of two concurrent saves
    // gets
    // the next number, so the loser gets a conflict, never a duplicate revision.
    write(item);
    Revision revision = new Revision(item, next, fields, caller.username(), now, comment);
    em.persist(revision);
    return revision;
  }

  /**
   * Writes the item's row now, inside the use case, so that a concurrent write of the same item
   * (its version moved on) becomes a conflict naming the current revision instead of a failed
   * commit.
   */
  void write(ContentItem item) {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw conflicts.changedMeanwhile(item.getId(), item.getSlug());
    }
  }

  private static ConflictException slugTaken(ContentItem item) {
    return new ConflictException(
        "Site '"
            + item.getSite().getKey()
            + "' already has an item with slug '"
            + item.getSlug()
            + "'");
  }

  private static boolean uniqueViolation(PersistenceException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConstraintViolationException c) {
        return c.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE;
      }
    }
    return false;
  }
}
