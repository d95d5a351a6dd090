package tw.gov.civitas.core.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import tw.gov.civitas.core.error.ConflictException;
import tw.gov.civitas.core.error.NotFoundException;
import tw.gov.civitas.core.persistence.DatabaseFailures;
import tw.gov.civitas.core.security.Caller;

/**
 * Carries out scheduled publishing, unpublishing and batch releases. The schedule lives in the
 * database, so it survives restarts. Each due item and each due release is claimed with {@code FOR
 * UPDATE SKIP LOCKED} and moved in a transaction of its own: with several nodes each is moved
 * exactly once, and one that fails is recorded and set aside without holding up the others.
 */
@ApplicationScoped
public class ContentScheduler {

  /** The actor recorded in the audit trail for scheduled changes. */
  static final Caller SYSTEM = new Caller("system:scheduler", Set.of(), Map.of(), null);

  private static final Logger LOG = Logger.getLogger(ContentScheduler.class.getName());
  private static final int BATCH = 100;
  private static final int RELEASE_BATCH = 20;

  @Inject DueItems items;
  @Inject DueReleases releases;

  /**
   * Runs everything due at {@code now}, one claim per transaction; returns how many items changed
   * state.
   */
  public int runDue(Instant now) {
    int moved = 0;
    for (Transition transition : List.of(Transition.PUBLISH, Transition.UNPUBLISH)) {
      for (long id : items.due(transition, now, BATCH)) {
        try {
          moved += items.move(id, transition, now, SYSTEM) ? 1 : 0;
        } catch (RuntimeException e) {
          failed("item " + id, e, reason -> items.failed(id, transition, now, reason, SYSTEM));
        }
      }
    }
    for (long id : releases.due(now, RELEASE_BATCH)) {
      try {
        moved += releases.release(id, now, SYSTEM);
      } catch (RuntimeException e) {
        failed("release " + id, e, reason -> releases.failed(id, now, reason, SYSTEM));
      }
    }
    return moved;
  }

  /**
   * The move rolled back. A database out of reach leaves it due for the next run; anything else is
   * recorded (in a transaction of its own) and set aside, or left due if even that fails.
   */
  private static void failed(String what, RuntimeException e, Consumer<String> record) {
    if (DatabaseFailures.isTransient(e)) {
      LOG.warning(
          () -> "Scheduled move of " + what + " failed on the database (" + e + "); it stays due");
      return;
    }
    LOG.log(Level.WARNING, "Scheduled move of " + what + " failed", e);
    try {
      record.accept(reason(e));
    } catch (RuntimeException again) {
      LOG.log(
          Level.WARNING, "Could not record the failed move of " + what + "; it stays due", again);
    }
  }

  /**
   * What the audit trail says: our own messages are written for people; anything else is in the
   * server log.
   */
  static String reason(Throwable e) {
    return e instanceof NotFoundException
            || e instanceof ConflictException
            || e instanceof IllegalStateException
        ? e.getMessage()
        : "unexpected failure (details in the server log)";
  }
}
