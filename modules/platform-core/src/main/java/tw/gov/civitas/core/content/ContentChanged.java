package tw.gov.civitas.core.content;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fired after a content change commits: caches, the search index and webhooks react to it.
 *
 * @param kind what happened: created, updated, published, unpublished, archived, deleted…
 * @param publicChange whether the item entered or left the public site, or its public revision
 *     changed
 * @param live whether citizens see the item after the change: then even an update that leaves the
 *     published revision alone changes what they see of it (its tags and update time)
 * @param tags every tag the item had before or after the change: a list filtered by any of them may
 *     have shown it, or may show it now
 */
public record ContentChanged(
    String siteKey,
    String slug,
    String type,
    String kind,
    boolean publicChange,
    boolean live,
    Set<String> tags) {

  public ContentChanged {
    tags = Set.copyOf(tags);
  }

  /**
   * The event for {@code item} as it is now, which had {@code tagsBefore} when the change began.
   */
  static ContentChanged of(
      ContentItem item,
      String type,
      String kind,
      boolean publicChange,
      Collection<String> tagsBefore) {
    Set<String> tags = new TreeSet<>(tagsBefore);
    tags.addAll(item.getTags());
    return new ContentChanged(
        item.getSite().getKey(),
        item.getSlug(),
        type,
        kind,
        publicChange,
        item.getPublishedRevision() != null,
        tags);
  }
}
