package tw.gov.civitas.core.error;

/**
 * The request is valid but clashes with the current state (slug taken, illegal transition, a newer
 * revision).
 */
public class ConflictException extends RuntimeException {

  private final Integer currentRevision;

  public ConflictException(String message) {
    this(message, null);
  }

  /**
   * @param currentRevision the item's revision now, for the caller to reload before trying again
   */
  public ConflictException(String message, Integer currentRevision) {
    super(message);
    this.currentRevision = currentRevision;
  }

  /** The item's current revision when the conflict is about an item's revisions, else null. */
  public Integer currentRevision() {
    return currentRevision;
  }
}
