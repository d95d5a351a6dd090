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

  /** The site's items at their current revisions, newest change first. */
  List<ContentView> currentViews(Site site, int max) {
    List<ContentView> views = new ArrayList<>();
    for (Object[] row :
        em.createQuery(
                "select i, r from ContentItem i join fetch i.site join Revision r"
                    + " on r.item = i and r.number = i.currentRevision where i.site = :site order by i.updatedAt desc, i.id desc",
                Object[].class)
            .setParameter("site", site)
            .setMaxResults(max)
            .getResultList()) {
      views.add(ContentView.of((ContentItem) row[0], (Revision) row[1]));
    }
    return views;
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
