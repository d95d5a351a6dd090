package tw.gov.civitas.core.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hibernate.exception.ConstraintViolationException;
import tw.gov.civitas.core.audit.AuditLog;
import tw.gov.civitas.core.error.ConflictException;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.error.FieldError;
import tw.gov.civitas.core.error.NotFoundException;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.core.security.AccessDeniedException;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.security.SiteAuthorization;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;
import tw.gov.civitas.spi.ContentTypeDescriptor;

/**
 * The content use cases. Every write checks the caller's permission on the target site first,
 * validates everything before touching the database, and records an audit event last, all in one
 * transaction: a refused or failed write stores nothing. Concurrent writes of one item are decided by
 * the item's version: the first wins, the others get a {@link ConflictException} naming the revision
 * that won.
 */
@ApplicationScoped
public class ContentService {

  private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _-]{0,99}");

  @PersistenceContext(unitName = "civitas")
  EntityManager em;

  @Inject SiteRepository sites;
  @Inject SiteAuthorization authorization;
  @Inject AuditLog audit;
  @Inject Platform platform;
  @Inject Event<ContentChanged> changes;
  @Inject tw.gov.civitas.core.media.MediaService media;
  @Inject EditConflicts conflicts;

  @Transactional
  public ContentView create(Caller caller, String siteKey, ContentInput input) {
    Site site = site(siteKey);
    authorization.require(caller, siteKey, CoreModule.CONTENT_EDIT);
    Instant publishAt = input.publishAt().applyTo(null);
    Instant unpublishAt = input.unpublishAt().applyTo(null);
    if (publishAt != null || unpublishAt != null) {
      authorization.require(caller, siteKey, CoreModule.CONTENT_PUBLISH);
    }
    if (publishAt != null) {
      // Scheduling approves revision 1, which the caller is writing.
      requireDistinctReviewer(caller, site, caller.username());
    }

    List<FieldError> errors = new ArrayList<>();
    ContentValidator.checkSlug(input.slug(), errors);
    checkTags(input.tags(), errors);
    checkSchedule(publishAt, unpublishAt, errors);
    ContentTypeDescriptor type = null;
    if (input.type() == null || input.type().isBlank()) {
      errors.add(new FieldError("type", "is required"));
    } else {
      type = platform.registry().contentType(input.type()).orElse(null);
      if (type == null) {
        errors.add(new FieldError("type", "is not a known content type"));
      } else if (!platform.registry().typeEnabledOn(site.getEnabledModules(), type)) {
        // A plug-in's types exist only on the sites that enable it.
        errors.add(new FieldError("type", "belongs to module '" + type.moduleId() + "', which this site does not enable"));
        type = null;
      }
    }
    if (type == null) {
      throw new ContentValidationException(errors);
    }
    JsonObject fields = ContentValidator.validate(type, input.fields(), site.getDefaultLanguage(), errors,
        references(site));

    if (findItem(site, input.slug()).isPresent()) {
      throw new ConflictException("Site '" + siteKey + "' already has an item with slug '" + input.slug() + "'");
    }
    Instant now = Instant.now();
    ContentItem item = new ContentItem(site, type.id(), input.slug(), caller.username(), now);
    if (input.tags() != null) {
      item.tag(input.tags());
    }
    item.schedule(publishAt, 1, unpublishAt);
    try {
      em.persist(item);
    } catch (PersistenceException e) {
      // Another request created the same slug since the check above.
      throw uniqueViolation(e) ? new ConflictException("Site '" + siteKey + "' already has an item with slug '"
          + input.slug() + "'") : e;
    }
    Revision revision = new Revision(item, 1, fields.toString(), caller.username(), now, input.comment());
    em.persist(revision);
    item.revised(1, now);
    ContentView view = view(item, revision);
    audit.record(caller, siteKey, "content.create", "content-item", input.slug(), null, summary(view));
    changes.fire(ContentChanged.of(item, view.type(), "created", false, List.of()));
    return view;
  }

  /**
   * Changes what the input mentions and nothing else: new field values become the next revision (a
   * published item stays public at its published revision), tags and the schedule change only when
   * given. A changed {@code publishAt} approves the revision current after this update.
   *
   * @param expectedRevision the revision the caller edited (If-Match), or null for whatever is current
   * @throws ConflictException naming the current revision, if another write came first
   */
  @Transactional
  public ContentView update(Caller caller, String siteKey, String slug, ContentInput input, Integer expectedRevision) {
    Site site = site(siteKey);
    authorization.require(caller, siteKey, CoreModule.CONTENT_EDIT);
    ContentItem item = item(site, slug);
    Instant publishAt = input.publishAt().applyTo(item.getPublishAt());
    Instant unpublishAt = input.unpublishAt().applyTo(item.getUnpublishAt());
    boolean reschedulesPublish = !Objects.equals(publishAt, item.getPublishAt());
    boolean reschedules = reschedulesPublish || !Objects.equals(unpublishAt, item.getUnpublishAt());
    if (reschedules) {
      // Sending back the schedule as it is (a round-trip of GET) is not a change and needs no right.
      authorization.require(caller, siteKey, CoreModule.CONTENT_PUBLISH);
    }
    List<FieldError> errors = new ArrayList<>();
    checkTags(input.tags(), errors);
    checkSchedule(publishAt, unpublishAt, errors);
    JsonObject fields = null;
    if (input.fields() != null) {
      fields = ContentValidator.validate(type(item), input.fields(), site.getDefaultLanguage(), errors,
          references(site));
    } else if (!errors.isEmpty()) {
      throw new ContentValidationException(errors);
    }
    if (item.getState() == WorkflowState.ARCHIVED) {
      throw new ConflictException("An archived item cannot be edited");
    }
    requireRevision(item, expectedRevision);
    Revision current = revision(item, item.getCurrentRevision());
    if (reschedulesPublish && publishAt != null) {
      // Scheduling approves what will be current: the new revision (the caller's) or the current one.
      requireDistinctReviewer(caller, site, fields != null ? caller.username() : current.getAuthor());
    }
    String before = summary(view(item, current));
    List<String> tagsBefore = item.getTags();
    Revision revision = fields == null ? current : saveRevision(caller, item, fields.toString(), input.comment());
    if (input.tags() != null) {
      item.tag(input.tags());
    }
    if (reschedules) {
      Integer approved = reschedulesPublish ? Integer.valueOf(revision.getNumber()) : item.getScheduledRevision();
      item.schedule(publishAt, approved, unpublishAt);
    }
    writeItem(item);
    ContentView view = view(item, revision);
    audit.record(caller, siteKey, "content.update", "content-item", slug, before, summary(view));
    changes.fire(ContentChanged.of(item, view.type(), "updated", false, tagsBefore));
    return view;
  }

  @Transactional
  public void delete(Caller caller, String siteKey, String slug) {
    Site site = site(siteKey);
    authorization.require(caller, siteKey, CoreModule.CONTENT_EDIT);
    ContentItem item = item(site, slug);
    boolean wasPublic = item.getPublishedRevision() != null;
    if (wasPublic) {
      // Taking something off the public site is a publisher's decision.
      authorization.require(caller, siteKey, CoreModule.CONTENT_PUBLISH);
    }
    Revision current = revision(item, item.getCurrentRevision());
    String before = summary(view(item, current));
    String type = shortName(item.getTypeId());
    // Revisions go with the item (ON DELETE CASCADE); the one loaded here must not hold on to it.
    em.detach(current);
    em.remove(item);
    writeItem(item);
    audit.record(caller, siteKey, "content.delete", "content-item", slug, before, null);
    changes.fire(new ContentChanged(siteKey, slug, type, "deleted", wasPublic, false, Set.copyOf(item.getTags())));
  }

  /**
   * @param expectedRevision the revision the caller reviewed (If-Match), or null for whatever is current
   * @throws ConflictException naming the current revision, if another write came first
   */
  @Transactional
  public ContentView transition(Caller caller, String siteKey, String slug, String action, Integer expectedRevision) {
    Site site = site(siteKey);
    Transition transition = Transition.fromWireName(action == null ? "" : action)
        .orElseThrow(() -> new ContentValidationException(List.of(new FieldError("action",
            "must be one of submit, withdraw, publish, unpublish, archive"))));
    authorization.require(caller, siteKey, transition.permission());
    ContentItem item = item(site, slug);
    if (!transition.allowedFrom(item.getState())) {
      throw new ConflictException("Cannot " + transition.wireName() + " an item that is " + item.getState().wireName());
    }
    requireRevision(item, expectedRevision);
    Revision current = revision(item, item.getCurrentRevision());
    if (transition == Transition.PUBLISH) {
      requireDistinctReviewer(caller, site, current.getAuthor());
    }
    String before = summary(view(item, current));
    item.moveTo(transition.target(), current, Instant.now());
    writeItem(item);
    ContentView view = view(item, current);
    audit.record(caller, siteKey, "content." + transition.wireName(), "content-item", slug, before, summary(view));
    boolean publicChange = transition == Transition.PUBLISH || transition == Transition.UNPUBLISH;
    changes.fire(ContentChanged.of(item, view.type(), transition.target().wireName(), publicChange, List.of()));
    return view;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<RevisionSummary> revisions(Caller caller, String siteKey, String slug) {
    Site site = site(siteKey);
    authorization.require(caller, siteKey, CoreModule.CONTENT_EDIT);
    ContentItem item = item(site, slug);
    return em.createQuery("select r from Revision r where r.item = :item order by r.number desc", Revision.class)
        .setParameter("item", item)
        .getResultStream()
        .map(r -> new RevisionSummary(r.getNumber(), r.getAuthor(), r.getCreatedAt(), r.getComment(),
            r.getNumber() == item.getCurrentRevision(), Integer.valueOf(r.getNumber()).equals(item.getPublishedRevision())))
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ContentView atRevision(Caller caller, String siteKey, String slug, int number) {
    Site site = site(siteKey);
    authorization.require(caller, siteKey, CoreModule.CONTENT_EDIT);
    ContentItem item = item(site, slug);
    return view(item, revision(item, number));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<FieldChange> diff(Caller caller, String siteKey, String slug, int from, int to) {
    Site site = site(siteKey);
    authorization.require(caller, siteKey, CoreModule.CONTENT_EDIT);
    ContentItem item = item(site, slug);
    return RevisionDiff.between(parse(revision(item, from).getFields()), parse(revision(item, to).getFields()));
  }

  /** Makes an old revision's fields current again, as a new revision: history is never rewritten. */
  @Transactional
  public ContentView restore(Caller caller, String siteKey, String slug, int number) {
    Site site = site(siteKey);
    authorization.require(caller, siteKey, CoreModule.CONTENT_EDIT);
    ContentItem item = item(site, slug);
    Revision old = revision(item, number);
    String before = summary(view(item, revision(item, item.getCurrentRevision())));
    Revision revision = saveRevision(caller, item, old.getFields(), "Restored revision " + number);
    writeItem(item);
    ContentView view = view(item, revision);
    audit.record(caller, siteKey, "content.restore", "content-item", slug, before, summary(view));
    changes.fire(ContentChanged.of(item, view.type(), "updated", false, List.of()));
    return view;
  }

  /**
   * A signed link showing the item at its current revision to anyone holding it, until it expires
   * (default one day, at most seven).
   */
  @Transactional
  public PreviewTokens.Grant preview(Caller caller, String siteKey, String slug, java.time.Duration validFor) {
    Site site = site(siteKey);
    authorization.require(caller, siteKey, CoreModule.CONTENT_EDIT);
    ContentItem item = item(site, slug);
    java.time.Duration d = validFor == null ? java.time.Duration.ofDays(1) : validFor;
    if (d.isNegative() || d.isZero() || d.compareTo(java.time.Duration.ofDays(7)) > 0) {
      throw new ContentValidationException(List.of(new FieldError("validForMinutes", "must be from 1 minute to 7 days")));
    }
    PreviewTokens.Grant grant = new PreviewTokens.Grant(siteKey, item.getId(), slug, item.getCurrentRevision(),
        Instant.now().plus(d));
    // Sharing a draft is recorded: who let whom see what, until when.
    audit.record(caller, siteKey, "content.preview-link", "content-item", slug, null, Json.createObjectBuilder()
        .add("revision", grant.revision()).add("expiresAt", grant.expiresAt().toString()).build().toString());
    return grant;
  }

  /**
   * The item at the revision a preview grant names (no permission check: the signed grant is the
   * permission), if it is still the same item: a re-created slug is another item.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ContentView> previewed(PreviewTokens.Grant grant) {
    return sites.findByKey(grant.siteKey()).flatMap(site -> findItem(site, grant.slug()))
        .filter(item -> item.getId() == grant.itemId())
        .map(item -> view(item, revision(item, grant.revision())));
  }

  /**
   * What a previewed item references, at the same moment: other items at their current revision
   * (a draft previews with its drafts), by slug.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ContentView> currentForPreview(String siteKey, String slug) {
    return sites.findByKey(siteKey).flatMap(site -> findItem(site, slug))
        .map(item -> view(item, revision(item, item.getCurrentRevision())));
  }

  /**
   * The published revision of an item, for public delivery; empty if unknown, not published, or of a plug-in's type
   * on a site that does not enable the plug-in (any more).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ContentView> published(String siteKey, String slug) {
    return em.createQuery("select i from ContentItem i join fetch i.site where i.site.key = :site and i.slug = :slug"
                + " and i.publishedRevision is not null", ContentItem.class)
        .setParameter("site", siteKey)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst()
        .filter(item -> platform.registry().contentType(item.getTypeId())
            .map(t -> platform.registry().typeEnabledOn(item.getSite().getEnabledModules(), t)).orElse(false))
        .map(item -> publishedView(item));
  }

  /** The current (possibly unpublished) revision, for people allowed to edit the site. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ContentView current(Caller caller, String siteKey, String slug) {
    Site site = site(siteKey);
    authorization.require(caller, siteKey, CoreModule.CONTENT_EDIT);
    ContentItem item = item(site, slug);
    return view(item, revision(item, item.getCurrentRevision()));
  }

  /** The site's items at their current revisions, newest change first: what the editor lists. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ContentView> items(Caller caller, String siteKey, int max) {
    Site site = site(siteKey);
    authorization.require(caller, siteKey, CoreModule.CONTENT_EDIT);
    List<ContentView> views = new ArrayList<>();
    for (Object[] row : em.createQuery("select i, r from ContentItem i join fetch i.site join Revision r"
            + " on r.item = i and r.number = i.currentRevision where i.site = :site order by i.updatedAt desc, i.id desc",
            Object[].class).setParameter("site", site).setMaxResults(max).getResultList()) {
      views.add(view((ContentItem) row[0], (Revision) row[1]));
    }
    return views;
  }

  // --- used by the scheduler and releases ---

  /**
   * Approves the item's current revision for a later publication by {@code caller} (a release):
   * the same distinct-reviewer rule as publishing it now.
   *
   * @return the approved revision's number
   */
  int approve(Caller caller, ContentItem item) {
    Revision current = revision(item, item.getCurrentRevision());
    requireDistinctReviewer(caller, item.getSite(), current.getAuthor());
    return current.getNumber();
  }

  /**
   * Moves one due item, inside the caller's transaction: a publication makes {@code approved} public
   * (never a later, unreviewed draft: that one stays a draft, and the site's reviewers are asked to
   * review it), an unpublication takes the item off the public site.
   *
   * @param approved the revision to publish (ignored when unpublishing)
   * @return whether the item changed
   */
  boolean runDue(ContentItem item, Transition transition, Integer approved, Caller system, Instant now) {
    if (!transition.allowedFrom(item.getState())) {
      item.schedule(transition == Transition.PUBLISH ? null : item.getPublishAt(), item.getScheduledRevision(),
          transition == Transition.UNPUBLISH ? null : item.getUnpublishAt());
      return false;
    }
    Revision current = revision(item, item.getCurrentRevision());
    Revision moved = current;
    if (transition == Transition.PUBLISH) {
      if (approved == null) {
        throw new IllegalStateException("Item '" + item.getSlug() + "' is due for publication without an approved revision");
      }
      if (item.getPublishedRevision() != null && item.getPublishedRevision() >= approved) {
        // The same or a newer revision was published meanwhile: going back is nobody's intent.
        item.schedule(null, null, item.getUnpublishAt());
        return false;
      }
      moved = revision(item, approved);
    }
    String before = summary(view(item, current));
    item.moveTo(transition.target(), moved, now);
    ContentView view = view(item, moved);
    String siteKey = item.getSite().getKey();
    audit.record(system, siteKey, "content.scheduled-" + transition.wireName(), "content-item", item.getSlug(), before,
        summary(view));
    if (moved.getNumber() < item.getCurrentRevision()) {
      // No notification service exists: the audit trail is where reviewers look for work (and the
      // API shows revision > publishedRevision).
      audit.record(system, siteKey, "content.review-requested", "content-item", item.getSlug(), null,
          Json.createObjectBuilder().add("revision", item.getCurrentRevision()).add("publishedRevision", moved.getNumber())
              .add("reason", "saved after revision " + moved.getNumber() + " was approved for publication")
              .build().toString());
    }
    changes.fire(ContentChanged.of(item, view.type(), transition.target().wireName(), true, List.of()));
    return true;
  }

  // --- helpers ---

  /** References resolve within the item's own site only: nothing crosses sites. */
  private ContentValidator.References references(Site site) {
    return new ContentValidator.References() {
      @Override
      public boolean itemExists(String slug, String type) {
        return findItem(site, slug).filter(i -> type == null || shortName(i.getTypeId()).equals(type)).isPresent();
      }

      @Override
      public boolean mediaExists(String id, String kind) {
        return media.exists(site.getKey(), id, kind);
      }
    };
  }

  private Revision saveRevision(Caller caller, ContentItem item, String fields, String comment) {
    int next = item.getCurrentRevision() + 1;
    Instant now = Instant.now();
    item.revised(next, now);
    // The item row first: its version check (and row lock) decides which of two concurrent saves gets
    // the next number, so the loser gets a conflict, never a duplicate revision.
    writeItem(item);
    Revision revision = new Revision(item, next, fields, caller.username(), now, comment);
    em.persist(revision);
    return revision;
  }

  /**
   * Writes the item's row now, inside the service, so that a concurrent write of the same item (its
   * version moved on) becomes a conflict naming the current revision instead of a failed commit.
   */
  private void writeItem(ContentItem item) {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw conflicts.changedMeanwhile(item.getId(), item.getSlug());
    }
  }

  /** Refuses to write over a revision the caller has not seen. */
  private static void requireRevision(ContentItem item, Integer expected) {
    if (expected != null && expected != item.getCurrentRevision()) {
      throw new ConflictException("Item '" + item.getSlug() + "' is at revision " + item.getCurrentRevision()
          + ", not " + expected + ": reload it and apply the change again", item.getCurrentRevision());
    }
  }

  /** Publishing, now or by a schedule, is a review: on some sites the author may not review their own revision. */
  private static void requireDistinctReviewer(Caller caller, Site site, String author) {
    if (site.isRequireDistinctReviewer() && caller.username().equals(author) && !caller.isPlatformAdmin()) {
      throw new AccessDeniedException("Site '" + site.getKey() + "' requires another person than the author ("
          + author + ") to publish");
    }
  }

  static boolean uniqueViolation(PersistenceException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConstraintViolationException c) {
        return c.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE;
      }
    }
    return false;
  }

  private static void checkSchedule(Instant publishAt, Instant unpublishAt, List<FieldError> errors) {
    if (publishAt != null && unpublishAt != null && !unpublishAt.isAfter(publishAt)) {
      errors.add(new FieldError("unpublishAt", "must be after publishAt"));
    }
  }

  private static void checkTags(List<String> tags, List<FieldError> errors) {
    if (tags == null) {
      return;
    }
    if (tags.size() > 30) {
      errors.add(new FieldError("tags", "at most 30 tags"));
    }
    for (int i = 0; i < tags.size(); i++) {
      if (tags.get(i) == null || !TAG.matcher(tags.get(i)).matches()) {
        errors.add(new FieldError("tags[" + i + "]", "must be 1-100 letters, digits, spaces, '-' or '_'"));
      }
    }
  }

  private ContentTypeDescriptor type(ContentItem item) {
    return platform.registry().contentType(item.getTypeId())
        .orElseThrow(() -> new IllegalStateException("content type " + item.getTypeId() + " is no longer installed"));
  }

  private Site site(String siteKey) {
    return sites.require(siteKey);
  }

  private ContentItem item(Site site, String slug) {
    return findItem(site, slug)
        .orElseThrow(() -> new NotFoundException("No item '" + slug + "' on site '" + site.getKey() + "'"));
  }

  private Optional<ContentItem> findItem(Site site, String slug) {
    return em.createQuery("select i from ContentItem i join fetch i.site where i.site = :site and i.slug = :slug",
            ContentItem.class)
        .setParameter("site", site)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  private Revision revision(ContentItem item, int number) {
    return em.createQuery("select r from Revision r where r.item = :item and r.number = :number", Revision.class)
        .setParameter("item", item)
        .setParameter("number", number)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("Item '" + item.getSlug() + "' has no revision " + number));
  }

  static JsonObject parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  /** The published state of an item, read from the item row alone (no revision join). */
  static ContentView publishedView(ContentItem item) {
    return new ContentView(item.getSite().getKey(), shortName(item.getTypeId()), item.getSlug(),
        item.getState().wireName(), item.getCurrentRevision(), item.getPublishedRevision(),
        parse(item.getPublishedFields()), item.getTags(), item.getCreatedAt(), item.getUpdatedAt(), item.getPublishedAt(),
        item.getPublishAt(), item.getUnpublishAt(), item.getScheduledRevision());
  }

  private static ContentView view(ContentItem item, Revision revision) {
    return new ContentView(item.getSite().getKey(), shortName(item.getTypeId()), item.getSlug(),
        item.getState().wireName(), revision.getNumber(), item.getPublishedRevision(), parse(revision.getFields()),
        item.getTags(), item.getCreatedAt(), item.getUpdatedAt(), item.getPublishedAt(), item.getPublishAt(),
        item.getUnpublishAt(), item.getScheduledRevision());
  }

  static String shortName(String typeId) {
    return typeId.substring(typeId.indexOf("::") + 2);
  }

  private static String summary(ContentView v) {
    JsonArrayBuilder tags = Json.createArrayBuilder();
    v.tags().forEach(tags::add);
    return Json.createObjectBuilder()
        .add("type", v.type())
        .add("slug", v.slug())
        .add("state", v.state())
        .add("revision", v.revision())
        .add("tags", tags)
        .add("fields", v.fields())
        .build()
        .toString();
  }
}
