package tw.gov.civitas.core.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import tw.gov.civitas.core.error.ConflictException;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.error.FieldError;
import tw.gov.civitas.core.media.MediaService;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.spi.ContentTypeDescriptor;

/**
 * Editors writing a site's content: creating, changing and deleting items, and reading them at
 * their current revision. Every write checks the caller's permission on the site first, validates
 * everything before touching the database, and records an audit event last, all in one transaction:
 * a refused or failed write stores nothing. Concurrent writes of one item are decided by the item's
 * version: the first wins, the others get a {@link ConflictException} naming the revision that won.
 */
@ApplicationScoped
public class ContentEditing {

  private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _-]{0,99}");

  @Inject ContentAuthorization access;
  @Inject ContentRepository items;
  @Inject ContentAudit audit;
  @Inject Platform platform;
  @Inject Event<ContentChanged> changes;
  @Inject MediaService media;
  @Inject tw.gov.civitas.core.tenancy.SiteRepository siteRepository;
  @Inject tw.gov.civitas.core.security.SiteAuthorization siteAuthorization;

  @Transactional
  public ContentView create(Caller caller, String siteKey, ContentInput input) {
    Site site = access.site(caller, siteKey, CoreModule.CONTENT_EDIT);
    Instant publishAt = input.publishAt().applyTo(null);
    Instant unpublishAt = input.unpublishAt().applyTo(null);
    if (publishAt != null || unpublishAt != null) {
      access.require(caller, site, CoreModule.CONTENT_PUBLISH);
    }
    if (publishAt != null) {
      // Scheduling approves revision 1, which the caller is writing.
      ContentAuthorization.requireDistinctReviewer(caller, site, caller.username());
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
        errors.add(
            new FieldError(
                "type",
                "belongs to module '" + type.moduleId() + "', which this site does not enable"));
        type = null;
      }
    }
    if (type == null) {
      throw new ContentValidationException(errors);
    }
    JsonObject fields =
        ContentValidator.validate(
            type, input.fields(), site.getDefaultLanguage(), errors, references(site));

    ContentItem item =
        new ContentItem(site, type.id(), input.slug(), caller.username(), Instant.now());
    if (input.tags() != null) {
      item.tag(input.tags());
    }
    item.schedule(publishAt, 1, unpublishAt);
    Revision revision = items.add(item, fields.toString(), caller, input.comment());
    ContentView view = ContentView.of(item, revision);
    audit.record(caller, item, "content.create", null, ContentAudit.summary(view));
    changes.fire(ContentChanged.of(item, view.type(), "created", false, List.of()));
    return view;
  }

  /**
   * Changes what the input mentions and nothing else: new field values become the next revision (a
   * published item stays public at its published revision), tags and the schedule change only when
   * given. A changed {@code publishAt} approves the revision current after this update.
   *
   * @param expectedRevision the revision the caller edited (If-Match), or null for whatever is
   *     current
   * @throws ConflictException naming the current revision, if another write came first
   */
  @Transactional
  public ContentView update(
      Caller caller, String siteKey, String slug, ContentInput input, Integer expectedRevision) {
    ContentItem item = access.item(caller, siteKey, slug, CoreModule.CONTENT_EDIT);
    Site site = item.getSite();
    Instant publishAt = input.publishAt().applyTo(item.getPublishAt());
    Instant unpublishAt = input.unpublishAt().applyTo(item.getUnpublishAt());
    boolean reschedulesPublish = !Objects.equals(publishAt, item.getPublishAt());
    boolean reschedules = reschedulesPublish || !Objects.equals(unpublishAt, item.getUnpublishAt());
    if (reschedules) {
      // Sending back the schedule as it is (a round-trip of GET) is not a change and needs no
      // right.
      access.require(caller, site, CoreModule.CONTENT_PUBLISH);
    }
    List<FieldError> errors = new ArrayList<>();
    checkTags(input.tags(), errors);
    checkSchedule(publishAt, unpublishAt, errors);
    JsonObject fields = null;
    if (input.fields() != null) {
      fields =
          ContentValidator.validate(
              type(item), input.fields(), site.getDefaultLanguage(), errors, references(site));
    } else if (!errors.isEmpty()) {
      throw new ContentValidationException(errors);
    }
    if (item.getState() == WorkflowState.ARCHIVED) {
      throw new ConflictException("An archived item cannot be edited");
    }
    EditConflicts.requireRevision(item, expectedRevision);
    Revision current = items.current(item);
    if (reschedulesPublish && publishAt != null) {
      // Scheduling approves what will be current: the new revision (the caller's) or the current
      // one.
      ContentAuthorization.requireDistinctReviewer(
          caller, site, fields != null ? caller.username() : current.getAuthor());
    }
    String before = ContentAudit.summary(item, current);
    List<String> tagsBefore = item.getTags();
    Revision revision =
        fields == null ? current : items.revise(caller, item, fields.toString(), input.comment());
    if (input.tags() != null) {
      item.tag(input.tags());
    }
    if (reschedules) {
      Integer approved =
          reschedulesPublish ? Integer.valueOf(revision.getNumber()) : item.getScheduledRevision();
      item.schedule(publishAt, approved, unpublishAt);
    }
    items.write(item);
    ContentView view = ContentView.of(item, revision);
    audit.record(caller, item, "content.update", before, ContentAudit.summary(view));
    changes.fire(ContentChanged.of(item, view.type(), "updated", false, tagsBefore));
    return view;
  }

  @Transactional
  public void delete(Caller caller, String siteKey, String slug) {
    ContentItem item = access.item(caller, siteKey, slug, CoreModule.CONTENT_EDIT);
    boolean wasPublic = item.getPublishedRevision() != null;
    if (wasPublic) {
      // Taking something off the public site is a publisher's decision.
      access.require(caller, item.getSite(), CoreModule.CONTENT_PUBLISH);
    }
    Revision current = items.current(item);
    String before = ContentAudit.summary(item, current);
    String type = ContentView.shortName(item.getTypeId());
    items.remove(item, current);
    audit.record(caller, item, "content.delete", before, null);
    changes.fire(
        new ContentChanged(
            siteKey, slug, type, "deleted", wasPublic, false, Set.copyOf(item.getTags())));
  }

  /** The current (possibly unpublished) revision, for people allowed to edit the site. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ContentView current(Caller caller, String siteKey, String slug) {
    ContentItem item = access.item(caller, siteKey, slug, CoreModule.CONTENT_EDIT);
    return ContentView.of(item, items.current(item));
  }

  /**
   * One page of the site's items at their current revisions, drafts included, as the filter selects
   * them: the editor's content list and the management API's.
   *
   * @throws ContentValidationException naming each criterion that is not understood
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ManagedItemPage list(Caller caller, String siteKey, ItemFilter filter) {
    return list(caller, siteKey, filter, List.of());
  }

  /**
   * The same, refused with {@code earlier} (the caller's own parsing errors, e.g. of a date) and
   * the criteria's errors together, so that one answer names everything to fix.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ManagedItemPage list(
      Caller caller, String siteKey, ItemFilter filter, List<FieldError> earlier) {
    Site site = access.site(caller, siteKey, CoreModule.CONTENT_EDIT);
    List<FieldError> errors = new ArrayList<>(earlier);
    ItemFilter f = checked(filter, site, errors);
    if (!errors.isEmpty()) {
      throw new ContentValidationException(errors);
    }
    return items.managedItems(List.of(site), f);
  }

  /**
   * The same list across every site where the caller holds {@code permission} (a platform
   * administrator: every site): the editor's dashboard ("my drafts", "waiting for my review").
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ManagedItemPage listAcross(Caller caller, String permission, ItemFilter filter) {
    List<Site> mine =
        siteRepository.findAll().stream()
            .filter(s -> siteAuthorization.holds(caller, s.getKey(), permission))
            .toList();
    List<FieldError> errors = new ArrayList<>();
    ItemFilter f = checked(filter, null, errors);
    if (!errors.isEmpty()) {
      throw new ContentValidationException(errors);
    }
    return items.managedItems(mine, f);
  }

  /** The content types editors can write on the site, in registration order. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ContentTypeDescriptor> types(Caller caller, String siteKey) {
    Site site = access.site(caller, siteKey, CoreModule.CONTENT_EDIT);
    return platform.registry().contentTypes().stream()
        .filter(t -> platform.registry().typeEnabledOn(site.getEnabledModules(), t))
        .toList();
  }

  private static final Set<String> SORTS =
      Set.of("updated", "title", "created", "state", "type", "scheduled");

  /** The filter with wire names turned into stored ones, or errors for what cannot be. */
  private ItemFilter checked(ItemFilter f, Site site, List<FieldError> errors) {
    String type = blankToNull(f.type());
    if (type != null
        && platform.registry().contentTypes().stream()
            .noneMatch(
                t ->
                    ContentView.shortName(t.id()).equals(type)
                        && (site == null
                            || platform.registry().typeEnabledOn(site.getEnabledModules(), t)))) {
      errors.add(new FieldError("type", "is not a content type of this site"));
    }
    String state = blankToNull(f.state());
    String stateName = null;
    if (state != null) {
      for (WorkflowState s : WorkflowState.values()) {
        if (s.wireName().equals(state)) {
          stateName = s.name();
        }
      }
      if (stateName == null) {
        errors.add(
            new FieldError(
                "state", "must be one of draft, in-review, published, unpublished, archived"));
      }
    }
    String language = blankToNull(f.language());
    if (language != null && !language.equals("zh-TW") && !language.equals("en")) {
      errors.add(new FieldError("language", "must be zh-TW or en"));
    }
    String sort = blankToNull(f.sort());
    if (sort != null && !SORTS.contains(sort.startsWith("-") ? sort.substring(1) : sort)) {
      errors.add(
          new FieldError(
              "sort",
              "must be one of updated, title, created, state, type, scheduled (- for descending)"));
    }
    String text = blankToNull(f.text());
    if (text != null && text.length() > 200) {
      errors.add(new FieldError("q", "must be at most 200 characters"));
    }
    if (f.page() < 1 || f.page() > 100_000) {
      errors.add(new FieldError("page", "must be between 1 and 100000"));
    }
    if (f.size() < 1 || f.size() > ItemFilter.MAX_SIZE) {
      errors.add(new FieldError("size", "must be between 1 and " + ItemFilter.MAX_SIZE));
    }
    if (f.updatedFrom() != null
        && f.updatedBefore() != null
        && !f.updatedFrom().isBefore(f.updatedBefore())) {
      errors.add(new FieldError("updatedBefore", "must be after updatedFrom"));
    }
    return new ItemFilter(
        type,
        stateName == null ? null : state,
        language,
        blankToNull(f.author()),
        text,
        f.updatedFrom(),
        f.updatedBefore(),
        f.scheduledBefore(),
        sort,
        f.page(),
        f.size());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** References resolve within the item's own site only: nothing crosses sites. */
  private ContentValidator.References references(Site site) {
    return new ContentValidator.References() {
      @Override
      public boolean itemExists(String slug, String type) {
        return items
            .find(site, slug)
            .filter(i -> type == null || ContentView.shortName(i.getTypeId()).equals(type))
            .isPresent();
      }

      @Override
      public boolean mediaExists(String id, String kind) {
        return media.exists(site.getKey(), id, kind);
      }
    };
  }

  private ContentTypeDescriptor type(ContentItem item) {
    return platform
        .registry()
        .contentType(item.getTypeId())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "content type " + item.getTypeId() + " is no longer installed"));
  }

  private static void checkSchedule(
      Instant publishAt, Instant unpublishAt, List<FieldError> errors) {
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
        errors.add(
            new FieldError("tags[" + i + "]", "must be 1-100 letters, digits, spaces, '-' or '_'"));
      }
    }
  }
}
