package tw.gov.civitas.core.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.security.Caller;

/**
 * An item's revisions, for people allowed to edit the site: listing them, reading one, comparing
 * two, and restoring an old one. History is never rewritten: a restore adds a revision.
 */
@ApplicationScoped
public class ContentHistory {

  @Inject ContentAuthorization access;
  @Inject ContentRepository items;
  @Inject ContentAudit audit;
  @Inject Event<ContentChanged> changes;

  /** Newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<RevisionSummary> revisions(Caller caller, String siteKey, String slug) {
    ContentItem item = access.item(caller, siteKey, slug, CoreModule.CONTENT_EDIT);
    return items.revisions(item).stream()
        .map(
            r ->
                new RevisionSummary(
                    r.getNumber(),
                    r.getAuthor(),
                    r.getCreatedAt(),
                    r.getComment(),
                    r.getNumber() == item.getCurrentRevision(),
                    Integer.valueOf(r.getNumber()).equals(item.getPublishedRevision())))
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ContentView atRevision(Caller caller, String siteKey, String slug, int number) {
    ContentItem item = access.item(caller, siteKey, slug, CoreModule.CONTENT_EDIT);
    return ContentView.of(item, items.revision(item, number));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<FieldChange> diff(Caller caller, String siteKey, String slug, int from, int to) {
    ContentItem item = access.item(caller, siteKey, slug, CoreModule.CONTENT_EDIT);
    return RevisionDiff.between(
        ContentView.parse(items.revision(item, from).getFields()),
        ContentView.parse(items.revision(item, to).getFields()));
  }

  /** Makes an old revision's fields current again, as a new revision. */
  @Transactional
  public ContentView restore(Caller caller, String siteKey, String slug, int number) {
    ContentItem item = access.item(caller, siteKey, slug, CoreModule.CONTENT_EDIT);
    Revision old = items.revision(item, number);
    String before = ContentAudit.summary(item, items.current(item));
    Revision revision = items.revise(caller, item, old.getFields(), "Restored revision " + number);
    items.write(item);
    ContentView view = ContentView.of(item, revision);
    audit.record(caller, item, "content.restore", before, ContentAudit.summary(view));
    changes.fire(ContentChanged.of(item, view.type(), "updated", false, List.of()));
    return view;
  }
}
