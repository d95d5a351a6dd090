package tw.gov.civitas.core.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import tw.gov.civitas.core.error.ConflictException;

/** Describes a lost race for an item: which revision won, read after the winner committed. */
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
    List<?> current = em.createNativeQuery("select current_revision from content_item where id = ?1")
        .setParameter(1, itemId).getResultList();
    if (current.isEmpty()) {
      return new ConflictException("Item '" + slug + "' was deleted by another request meanwhile");
    }
    int revision = ((Number) current.get(0)).intValue();
    return new ConflictException("Item '" + slug + "' was changed by another request meanwhile; it is now at revision "
        + revision + ": reload it and apply the change again", revision);
  }
}
