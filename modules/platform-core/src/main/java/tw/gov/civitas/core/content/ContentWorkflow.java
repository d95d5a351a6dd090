package tw.gov.civitas.core.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import tw.gov.civitas.core.error.ConflictException;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.error.FieldError;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;

/**
 * Items moving through the workflow (submit, withdraw, send back, publish, unpublish, archive): by
 * a person now, or by the scheduler at a time a publisher chose. Publishing is a review, bound by
 * the site's distinct-reviewer rule whoever asks for it.
 */
@ApplicationScoped
public class ContentWorkflow {

  @Inject SiteRepository sites;
  @Inject ContentAuthorization access;
  @Inject ContentRepository items;
  @Inject ContentAudit audit;
  @Inject Event<ContentChanged> changes;

  /**
   * @param expectedRevision the revision the caller reviewed (If-Match), or null for whatever is
   *     current
   * @throws ConflictException naming the current revision, if another write came first
   */
  @Transactional
  public ContentView transition(
      Caller caller, String siteKey, String slug, String action, Integer expectedRevision) {
    return transition(caller, siteKey, slug, action, expectedRevision, null);
  }

  /**
   * A step with a comment for the item's authors, kept in the audit trail; sending an item back
   * needs one (it says what to change).
   */
  @Transactional
  public ContentView transition(
      Caller caller,
      String siteKey,
      String slug,
      String action,
      Integer expectedRevision,
      String comment) {
    Site site = sites.require(siteKey);
    Transition transition =
        Transition.fromWireName(action == null ? "" : action)
            .orElseThrow(
                () ->
                    new ContentValidationException(
                        List.of(
                            new FieldError(
                                "action",
                                "must be one of submit, withdraw, send-back, publish, unpublish,"
                                    + " archive"))));
    String note = comment == null || comment.isBlank() ? null : comment.strip();
    if (transition == Transition.SEND_BACK && note == null) {
      throw new ContentValidationException(
          List.of(new FieldError("comment", "is required: say what the authors should change")));
    }
    if (note != null && note.length() > 2000) {
      throw new ContentValidationException(
          List.of(new FieldError("comment", "must be at most 2000 characters")));
    }
    ContentItem item = access.item(caller, site, slug, transition.permission());
    if (!transition.allowedFrom(item.getState())) {
      throw new ConflictException(
          "Cannot " + transition.wireName() + " an item that is " + item.getState().wireName());
    }
    EditConflicts.requireRevision(item, expectedRevision);
    Revision current = items.current(item);
    if (transition == Transition.PUBLISH) {
      ContentAuthorization.requireDistinctReviewer(caller, site, current.getAuthor());
    }
    String before = ContentAudit.summary(item, current);
    item.moveTo(transition.target(), current, Instant.now());
    items.write(item);
    ContentView view = ContentView.of(item, current);
    String after = ContentAudit.summary(view);
    if (note != null) {
      after = ContentAudit.withComment(after, note);
    }
    audit.record(caller, item, "content." + transition.wireName(), before, after);
    boolean publicChange = transition == Transition.PUBLISH || transition == Transition.UNPUBLISH;
    changes.fire(
        ContentChanged.of(
            item, view.type(), transition.target().wireName(), publicChange, List.of()));
    return view;
  }

  // --- by the scheduler and releases, inside their transactions ---

  /**
   * Approves the item's current revision for a later publication by {@code caller} (a release): the
   * same distinct-reviewer rule as publishing it now.
   *
   * @return the approved revision's number
   */
  int approve(Caller caller, ContentItem item) {
    Revision current = items.current(item);
    ContentAuthorization.requireDistinctReviewer(caller, item.getSite(), current.getAuthor());
    return current.getNumber();
  }

  /**
   * Moves one due item, inside the caller's transaction: a publication makes {@code approved}
   * public (never a later, unreviewed draft: that one stays a draft, and the site's reviewers are
   * asked to review it), an unpublication takes the item off the public site.
   *
   * @param approved the revision to publish (ignored when unpublishing)
   * @return whether the item changed
   */
  boolean runDue(
      ContentItem item, Transition transition, Integer approved, Caller system, Instant now) {
    if (!transition.allowedFrom(item.getState())) {
      item.schedule(
          transition == Transition.PUBLISH ? null : item.getPublishAt(),
          item.getScheduledRevision(),
          transition == Transition.UNPUBLISH ? null : item.getUnpublishAt());
      return false;
    }
    Revision current = items.current(item);
    Revision moved = current;
    if (transition == Transition.PUBLISH) {
      if (approved == null) {
        throw new IllegalStateException(
            "Item '" + item.getSlug() + "' is due for publication without an approved revision");
      }
      if (item.getPublishedRevision() != null && item.getPublishedRevision() >= approved) {
        // The same or a newer revision was published meanwhile: going back is nobody's intent.
        item.schedule(null, null, item.getUnpublishAt());
        return false;
      }
      moved = items.revision(item, approved);
    }
    String before = ContentAudit.summary(item, current);
    item.moveTo(transition.target(), moved, now);
    ContentView view = ContentView.of(item, moved);
    audit.record(
        system,
        item,
        "content.scheduled-" + transition.wireName(),
        before,
        ContentAudit.summary(view));
    if (moved.getNumber() < item.getCurrentRevision()) {
      // No notification service exists: the audit trail is where reviewers look for work (and the
      // API shows revision > publishedRevision).
      audit.record(
          system,
          item,
          "content.review-requested",
          null,
          Json.createObjectBuilder()
              .add("revision", item.getCurrentRevision())
              .add("publishedRevision", moved.getNumber())
              .add(
                  "reason",
                  "saved after revision " + moved.getNumber() + " was approved for publication")
              .build()
              .toString());
    }
    changes.fire(
        ContentChanged.of(item, view.type(), transition.target().wireName(), true, List.of()));
    return true;
  }
}
