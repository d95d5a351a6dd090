package tw.gov.civitas.core.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import tw.gov.civitas.core.error.ConflictException;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.error.NotFoundException;
import tw.gov.civitas.core.security.AccessDeniedException;
import tw.gov.civitas.core.security.Caller;

/**
 * One workflow step on many items of a site: each item is checked and moved on its own, in its own
 * transaction, exactly as if it were asked for alone, so one refusal never undoes or blocks the
 * others; the outcome of each item says which happened.
 */
@ApplicationScoped
public class BulkTransitions {

  /** At most this many items per request: a page of the editor's list. */
  public static final int MAX_ITEMS = 100;

  /**
   * What happened to one item.
   *
   * @param status the HTTP status the single-item call would have given (200, 400, 403, 404, 409)
   * @param item the item in its new state (when status is 200)
   * @param message why not (otherwise)
   */
  public record Outcome(String slug, int status, ContentView item, String message) {
    public boolean done() {
      return status == 200;
    }
  }

  @Inject ContentWorkflow workflow;
  @Inject ContentAuthorization access;

  /** Runs outside a transaction, so that each item's transition commits or rolls back alone. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public List<Outcome> transition(
      Caller caller, String siteKey, List<String> slugs, String action, String comment) {
    if (slugs.isEmpty() || slugs.size() > MAX_ITEMS) {
      throw new ContentValidationException(
          List.of(
              new tw.gov.civitas.core.error.FieldError(
                  "slugs", "must name between 1 and " + MAX_ITEMS + " items")));
    }
    // Someone without a role on the site is refused as a whole, not item by item.
    access.site(caller, siteKey, tw.gov.civitas.core.module.CoreModule.CONTENT_EDIT);
    List<Outcome> outcomes = new ArrayList<>();
    for (String slug : new LinkedHashSet<>(slugs)) {
      try {
        ContentView moved = workflow.transition(caller, siteKey, slug, action, null, comment);
        outcomes.add(new Outcome(slug, 200, moved, null));
      } catch (ContentValidationException e) {
        outcomes.add(
            new Outcome(
                slug,
                400,
                null,
                e.errors().stream()
                    .map(x -> x.field() + " " + x.message())
                    .collect(Collectors.joining("; "))));
      } catch (AccessDeniedException e) {
        outcomes.add(new Outcome(slug, 403, null, e.getMessage()));
      } catch (NotFoundException e) {
        outcomes.add(new Outcome(slug, 404, null, e.getMessage()));
      } catch (ConflictException e) {
        outcomes.add(new Outcome(slug, 409, null, e.getMessage()));
      }
    }
    return outcomes;
  }
}
