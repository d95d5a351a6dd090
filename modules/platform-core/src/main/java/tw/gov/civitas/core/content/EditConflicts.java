package tw.gov.civitas.core.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import tw.gov.civitas.core.error.ConflictException;

/**
 * Lost races for an item: a caller who edited a revision that is no longer current, or a write that
 * another one overtook; both are told which revision is current.
 */
@ApplicationScoped
public class EditConflicts {

  @PersistenceContext(unitName = "civitas")
  EntityManager em;

  /**
   * Reads in a transaction of its own, since the losing write's transaction can only roll back.
   *
   * @return the conflict to throw, naming the item's current revision
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public ConflictException changedMeanwhile(long itemId, String slug) {
    List<?> current =
        em.createNativeQuery("select current_revision from content_item where id = ?1")
            .setParameter(1, itemId)
            .getResultList();
    if (current.isEmpty()) {
      return new ConflictException("Item '" + slug + "' was deleted by another request meanwhile");
    }
    int revision = ((Number) current.get(0)).intValue();
    return new ConflictException(
        "Item '"
            + slug
            + "' was changed by another request meanwhile; it is now at revision "
            + revision
            + ": reload it and apply the change again",
        revision);
  }

  /** Refuses to write over a revision the caller has not seen (If-Match). */
  static void requireRevision(ContentItem item, Integer expected) {
    if (expected != null && expected != item.getCurrentRevision()) {
      throw new ConflictException(
          "Item '"
              + item.getSlug()
              + "' is at revision "
              + item.getCurrentRevision()
              + ", not "
              + expected
              + ": reload it and apply the change again",
          item.getCurrentRevision());
    }
  }
}
