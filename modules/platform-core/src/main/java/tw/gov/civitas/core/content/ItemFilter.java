package tw.gov.civitas.core.content;

import java.time.Instant;

/**
 * Which of a site's items an editor lists, at their current revisions (drafts included): every
 * criterion is optional, and all given ones must hold.
 *
 * @param type short type name, e.g. {@code news}
 * @param state workflow state, as the wire names it ({@code draft}, {@code in_review}, …)
 * @param language items with a translation in this language ({@code en}, {@code zh-TW})
 * @param author who wrote the current revision
 * @param text words in the slug or any field value
 * @param updatedFrom changed at or after
 * @param updatedBefore changed before
 * @param scheduledBefore due to be published or unpublished automatically before this time
 * @param sort {@code updated} (newest first, the default), {@code title}, {@code created}, {@code
 *     state}, {@code type}; a leading {@code -} reverses it
 * @param page 1-based
 * @param size items per page, at most {@link #MAX_SIZE}
 */
public record ItemFilter(
    String type,
    String state,
    String language,
    String author,
    String text,
    Instant updatedFrom,
    Instant updatedBefore,
    Instant scheduledBefore,
    String sort,
    int page,
    int size) {

  public static final int MAX_SIZE = 100;

  /** Everything, newest change first. */
  public static ItemFilter all(int page, int size) {
    return new ItemFilter(null, null, null, null, null, null, null, null, null, page, size);
  }
}
