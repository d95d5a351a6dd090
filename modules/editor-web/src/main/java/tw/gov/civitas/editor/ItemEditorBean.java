package tw.gov.civitas.editor;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tw.gov.civitas.core.content.Change;
import tw.gov.civitas.core.content.ContentAutosaves;
import tw.gov.civitas.core.content.ContentEditing;
import tw.gov.civitas.core.content.ContentHistory;
import tw.gov.civitas.core.content.ContentInput;
import tw.gov.civitas.core.content.ContentPreview;
import tw.gov.civitas.core.content.ContentView;
import tw.gov.civitas.core.content.ContentWorkflow;
import tw.gov.civitas.core.content.ItemFilter;
import tw.gov.civitas.core.content.PreviewTokens;
import tw.gov.civitas.core.content.RevisionSummary;
import tw.gov.civitas.core.error.ConflictException;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.error.FieldError;
import tw.gov.civitas.core.error.NotFoundException;
import tw.gov.civitas.core.media.MediaService;
import tw.gov.civitas.core.media.MediaView;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.core.security.AccessDeniedException;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.security.SiteAuthorization;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.security.CallerFactory;
import tw.gov.civitas.spi.ContentTypeDescriptor;
import tw.gov.civitas.spi.FieldDescriptor;
import tw.gov.civitas.spi.FieldKind;

/**
 * Writing one item: the form is made from the content type's schema, the service validates (its
 * messages stand next to the fields and in a summary linking to them), and a save names the
 * revision the user edited, so that someone else's save meanwhile is a conflict, never a silent
 * overwrite. The workflow steps act on that same revision.
 */
@Named("itemEditor")
@ViewScoped
public class ItemEditorBean implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A line of the error summary: the field's label, its message and its input's id. */
  public record Problem(String label, String message, String anchor) implements Serializable {
    public String getLabel() {
      return label;
    }

    public String getMessage() {
      return message;
    }

    public String getAnchor() {
      return anchor;
    }
  }

  @Inject transient ContentAutosaves autosaves;
  @Inject transient CallerFactory callers;
  @Inject transient SiteAdmission admission;
  @Inject transient SiteAuthorization authorization;
  @Inject transient ContentEditing content;
  @Inject transient ContentWorkflow workflow;
  @Inject transient ContentHistory history;
  @Inject transient ContentPreview previewing;
  @Inject transient PreviewTokens previewTokens;
  @Inject transient MediaService media;
  @Inject transient Platform platform;
  @Inject transient EditorLanguage lang;

  // view parameters
  private String site;
  private String slug;
  private String type;

  private Locale locale;
  private String siteName;
  private String typeId;
  private String typeName;
  private boolean canPublish;
  private boolean distinctReviewer;
  private List<FieldInput> fields = List.of();

  // the item as it was loaded or last saved
  private Integer revision;
  private String state;
  private Integer publishedRevision;
  private String author;

  // the form's own inputs
  private String newSlug;
  private String comment;
  private String tags;
  private String publishAt;
  private String unpublishAt;
  private String reviewComment;

  private final List<Problem> problems = new ArrayList<>();
  private String autosaveOffer;
  private String autosaveStatus;
  private final Map<String, String> metaErrors = new java.util.HashMap<>();
  private String conflict;
  private String notice;
  private String previewUrl;

  /** The view action: 404 for no such site, item or type, 403 without a role on the site. */
  public void load() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces.isPostback()) {
      return;
    }
    ExternalContext ext = faces.getExternalContext();
    locale = lang.getLocale();
    Caller caller = caller();
    Site found = admission.admit(site, CoreModule.CONTENT_EDIT).orElse(null);
    if (found == null) {
      return;
    }
    siteName = lang.pick(found.getNameZh(), found.getNameEn());
    canPublish = authorization.holds(caller, site, CoreModule.CONTENT_PUBLISH);
    distinctReviewer = found.isRequireDistinctReviewer() && !caller.isPlatformAdmin();
    ContentView item = null;
    if (slug != null && !slug.isBlank()) {
      try {
        item = content.current(caller, site, slug);
      } catch (NotFoundException e) {
        SiteAdmission.notFound();
        return;
      }
      type = item.type();
    }
    ContentTypeDescriptor descriptor =
        type == null
            ? null
            : content.types(caller, site).stream()
                .filter(t -> t.shortName().equals(type) || t.id().equals(type))
                .findFirst()
                .orElse(null);
    if (descriptor == null) {
      SiteAdmission.notFound();
      return;
    }
    typeId = descriptor.id();
    typeName = lang.pick(descriptor.nameZh(), descriptor.nameEn());
    fields = build(descriptor.fields(), "fields", "f", caller);
    if (item != null) {
      show(item);
    }
    Instant changed = item == null ? null : item.updatedAt();
    autosaves
        .find(caller, site, itemKey())
        .ifPresent(
            a -> {
              if (changed != null && !a.savedAt().isAfter(changed)) {
                // saved since: what was typed is in a revision, or was overtaken by one
                autosaves.discard(caller, site, itemKey());
              } else {
                autosaveOffer = ItemRow.time(a.savedAt());
              }
            });
    Object flash = ext.getFlash().get("notice");
    if (flash instanceof String s) {
      notice = s;
    }
  }

  private Caller caller() {
    return callers.current().orElseThrow();
  }

  /** The form's fields for these descriptors, with their choices loaded. */
  private List<FieldInput> build(
      List<FieldDescriptor> descriptors, String pathPrefix, String idPrefix, Caller caller) {
    List<FieldInput> out = new ArrayList<>();
    int i = 0;
    for (FieldDescriptor d : descriptors) {
      FieldInput f =
          new FieldInput(d, pathPrefix + "." + d.name(), idPrefix + "-" + d.name(), label(d), i++);
      switch (d.kind()) {
        case ENUM ->
            f.options(
                d.allowedValues().stream()
                    .map(v -> new FieldInput.Option(v, enumLabel(d, v)))
                    .toList());
        case MEDIA -> f.options(mediaOptions(caller, d.target()));
        case REFERENCE -> f.options(referenceOptions(caller, d.target()));
        default -> {
          // typed into the input
        }
      }
      out.add(f);
    }
    return out;
  }

  private String label(FieldDescriptor d) {
    if (d.labelZh() != null) {
      return lang.pick(d.labelZh(), d.labelEn());
    }
    String key = "field." + d.name();
    return EditorLanguage.has(locale, key) ? EditorLanguage.text(locale, key) : d.name();
  }

  private String enumLabel(FieldDescriptor d, String value) {
    String key = "field." + d.name() + "." + value;
    return EditorLanguage.has(locale, key) ? EditorLanguage.text(locale, key) : value;
  }

  private List<FieldInput.Option> mediaOptions(Caller caller, String kind) {
    List<FieldInput.Option> options = new ArrayList<>();
    for (MediaView m : media.list(caller, site, 200)) {
      if (kind == null || kind.equals(m.kind())) {
        String alt = lang.pick(m.altZh(), m.altEn());
        options.add(
            new FieldInput.Option(
                m.id(),
                (alt == null || alt.isBlank() ? m.fileName() : alt) + " (" + m.fileName() + ")"));
      }
    }
    return options;
  }

  private List<FieldInput.Option> referenceOptions(Caller caller, String target) {
    return content
        .list(
            caller,
            site,
            new ItemFilter(target, null, null, null, null, null, null, null, "title", 1, 100))
        .items()
        .stream()
        .filter(m -> !m.item().slug().equals(slug))
        .map(m -> new FieldInput.Option(m.item().slug(), m.title(lang.getContent())))
        .toList();
  }

  /** Fills the form from the item at its current revision. */
  private void show(ContentView item) {
    revision = item.revision();
    state = item.state();
    publishedRevision = item.publishedRevision();
    slug = item.slug();
    tags = String.join(", ", item.tags());
    publishAt = local(item.publishAt());
    unpublishAt = local(item.unpublishAt());
    List<RevisionSummary> revisions = history.revisions(caller(), site, slug);
    author = revisions.isEmpty() ? null : revisions.get(0).author();
    showFields(item.fields());
  }

  /** Puts field values (an item's, or an autosave's) into the inputs. */
  private void showFields(JsonObject values) {
    for (FieldInput f : fields) {
      JsonValue v = values.get(f.getName());
      f.show(v);
      if (f.getKind().equals("group")) {
        f.getEntries().clear();
        if (v instanceof jakarta.json.JsonArray entries) {
          for (JsonValue e : entries) {
            FieldInput.Entry entry = newEntry(f);
            for (FieldInput c : entry.getFields()) {
              c.show(e instanceof JsonObject o ? o.get(c.getName()) : null);
            }
            f.getEntries().add(entry);
          }
        }
      }
    }
  }

  private FieldInput.Entry newEntry(FieldInput group) {
    int n = group.getEntries().size();
    return new FieldInput.Entry(
        build(
            group.children().stream().filter(c -> c.kind() != FieldKind.GROUP).toList(),
            group.getPath() + "[" + n + "]",
            group.getId() + "-" + n,
            caller()));
  }

  private static String local(Instant t) {
    return t == null
        ? null
        : LocalDateTime.ofInstant(t, ItemRow.TAIPEI).withSecond(0).withNano(0).toString();
  }

  // --- actions ---

  /** Reads every schema input of the posted form into the fields. */
  private void readForm() {
    Map<String, String> params =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    for (FieldInput f : fields) {
      if (f.getKind().equals("group")) {
        String count = params.get(f.getId() + "-count");
        int n = 0;
        try {
          n = count == null ? f.getEntries().size() : Math.min(Integer.parseInt(count), 100);
        } catch (NumberFormatException e) {
          n = f.getEntries().size();
        }
        f.getEntries().clear();
        for (int i = 0; i < n; i++) {
          FieldInput.Entry entry = newEntry(f);
          entry.getFields().forEach(c -> c.read(params::get));
          f.getEntries().add(entry);
        }
      } else {
        f.read(params::get);
      }
    }
    clearMessages();
  }

  private void clearMessages() {
    problems.clear();
    metaErrors.clear();
    conflict = null;
    notice = null;
    fields.forEach(
        f -> {
          f.getErrors().clear();
          f.getEntries().forEach(e -> e.getFields().forEach(c -> c.getErrors().clear()));
        });
  }

  private JsonObject fieldsJson() {
    JsonObjectBuilder b = Json.createObjectBuilder();
    for (FieldInput f : fields) {
      JsonValue v = f.value();
      if (v != null) {
        b.add(f.getName(), v);
      }
    }
    return b.build();
  }

  /** Saves the form as the item's next revision (or its first), or shows why not. */
  public String save() {
    readForm();
    Caller caller = caller();
    List<FieldError> own = new ArrayList<>();
    Change<Instant> publish = schedule(publishAt, "publishAt", own);
    Change<Instant> unpublish = schedule(unpublishAt, "unpublishAt", own);
    if (!own.isEmpty()) {
      show(own);
      return null;
    }
    List<String> tagList =
        tags == null || tags.isBlank()
            ? List.of()
            : Arrays.stream(tags.split("[,，、]"))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .toList();
    try {
      if (revision == null) {
        String chosen = newSlug == null || newSlug.isBlank() ? suggestedSlug() : newSlug.strip();
        ContentView created =
            content.create(
                caller,
                site,
                new ContentInput(
                    typeId,
                    chosen,
                    fieldsJson(),
                    Inputs.typed(comment),
                    tagList,
                    publish,
                    unpublish));
        autosaves.discard(caller, site, itemKey());
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getFlash()
            .put("notice", lang.text("item.created", created.revision()));
        return "item.xhtml?faces-redirect=true&site=" + site + "&slug=" + created.slug();
      }
      ContentView saved =
          content.update(
              caller,
              site,
              slug,
              new ContentInput(
                  null, null, fieldsJson(), Inputs.typed(comment), tagList, publish, unpublish),
              revision);
      show(saved);
      autosaves.discard(caller, site, itemKey());
      autosaveOffer = null;
      comment = null;
      notice = lang.text("item.saved", saved.revision());
    } catch (ContentValidationException e) {
      show(e.errors());
    } catch (ConflictException e) {
      conflict = conflictMessage(e);
    } catch (AccessDeniedException e) {
      conflict = lang.text("item.denied");
    } catch (NotFoundException e) {
      conflict = lang.text("item.gone");
    }
    return null;
  }

  /** The autosave's key: the item's slug, or the type of an item not saved yet. */
  private String itemKey() {
    return revision == null ? "new:" + type : slug;
  }

  /**
   * Keeps the form as typed aside (editor.js posts it every little while when it changed): no
   * revision, nothing checked, only for this person, offered back when they open the item again.
   */
  public void autosave() {
    readForm();
    try {
      Instant at = autosaves.save(caller(), site, itemKey(), revision, fieldsJson());
      autosaveStatus = lang.text("autosave.done", ItemRow.time(at));
    } catch (ContentValidationException | AccessDeniedException e) {
      autosaveStatus = lang.text("autosave.failed");
    }
  }

  /** Puts the autosaved fields into the form; nothing is stored until the item is saved. */
  public void restoreAutosave() {
    clearMessages();
    autosaves
        .find(caller(), site, itemKey())
        .ifPresent(
            a -> {
              showFields(a.fields());
              notice = lang.text("autosave.restored", ItemRow.time(a.savedAt()));
            });
    autosaveOffer = null;
  }

  public void discardAutosave() {
    clearMessages();
    autosaves.discard(caller(), site, itemKey());
    autosaveOffer = null;
    notice = lang.text("autosave.discarded");
  }

  public String getAutosaveOffer() {
    return autosaveOffer;
  }

  public String getAutosaveStatus() {
    return autosaveStatus;
  }

  /**
   * Someone else changed the item since it was shown: which revision won, when the service says.
   */
  private String conflictMessage(ConflictException e) {
    return e.currentRevision() == null
        ? lang.text("item.conflict.state")
        : lang.text("item.conflict", e.currentRevision());
  }

  /** The field names the schedule inputs take in the service's messages. */
  private Change<Instant> schedule(String value, String field, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      // an empty input on an item that has a schedule removes it; on a new item it is no schedule
      return revision == null ? Change.keep() : Change.to(null);
    }
    try {
      return Change.to(LocalDateTime.parse(value.strip()).atZone(ItemRow.TAIPEI).toInstant());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "must be a date-time"));
      return Change.keep();
    }
  }

  /**
   * A slug for a new item whose author left it empty: from the English title, else the type and
   * time.
   */
  private String suggestedSlug() {
    String en =
        fields.stream()
            .filter(f -> f.getName().equals("title"))
            .map(f -> f.getValues().get("en"))
            .filter(v -> v != null && !v.isBlank())
            .findFirst()
            .orElse(null);
    return Slugs.suggest(en, type, Instant.now());
  }

  /** Puts each message next to its field, and all of them in the summary. */
  private void show(List<FieldError> errors) {
    for (FieldError e : errors) {
      String message = FieldMessages.localize(e.message(), locale);
      if (!place(fields, e.field(), message)) {
        String meta =
            switch (e.field()) {
              case "slug" -> "item:slug";
              case "publishAt" -> "item:publishAt";
              case "unpublishAt" -> "item:unpublishAt";
              case "comment" -> "item:comment";
              default -> e.field().startsWith("tags") ? "item:tags" : null;
            };
        if (meta != null) {
          metaErrors.put(meta, message);
          problems.add(new Problem(lang.text("meta." + meta.substring(5)), message, meta));
        } else {
          problems.add(new Problem(e.field(), message, "item:save"));
        }
      }
    }
    for (FieldInput f : fields) {
      summarize(f);
      f.getEntries().forEach(en -> en.getFields().forEach(this::summarize));
    }
  }

  private void summarize(FieldInput f) {
    f.getErrors()
        .forEach(
            (part, message) ->
                problems.add(
                    new Problem(
                        f.getLabel() + (part.isEmpty() ? "" : " (" + partLabel(part) + ")"),
                        message,
                        f.inputId(part.isEmpty() ? f.getParts().get(0) : part))));
  }

  public String partLabel(String part) {
    return part.isEmpty() ? "" : lang.text("part." + part);
  }

  /**
   * Finds the field a message's path names (and the part of it), among fields and group entries.
   */
  private static boolean place(List<FieldInput> fields, String path, String message) {
    for (FieldInput f : fields) {
      if (path.equals(f.getPath())) {
        f.getErrors().put("", message);
        return true;
      }
      if (path.startsWith(f.getPath() + ".")) {
        String part = path.substring(f.getPath().length() + 1);
        f.getErrors().put(f.getParts().contains(part) ? part : "", message);
        return true;
      }
      if (path.startsWith(f.getPath() + "[")) {
        for (FieldInput.Entry e : f.getEntries()) {
          if (place(e.getFields(), path, message)) {
            return true;
          }
        }
        f.getErrors().put("", message);
        return true;
      }
    }
    return false;
  }

  /** Adds an empty entry to a repeatable group (what was typed stays). */
  public void addEntry(String field) {
    readForm();
    fields.stream()
        .filter(f -> f.getName().equals(field))
        .findFirst()
        .ifPresent(f -> f.getEntries().add(newEntry(f)));
  }

  /** Removes one entry of a repeatable group. */
  public void removeEntry(String field, int index) {
    readForm();
    for (FieldInput f : fields) {
      if (f.getName().equals(field) && index >= 0 && index < f.getEntries().size()) {
        List<FieldInput.Entry> kept = new ArrayList<>(f.getEntries());
        kept.remove(index);
        // entries are renumbered: their inputs' ids follow their places
        f.getEntries().clear();
        for (FieldInput.Entry old : kept) {
          FieldInput.Entry fresh = newEntry(f);
          for (int i = 0; i < fresh.getFields().size(); i++) {
            fresh.getFields().get(i).getValues().putAll(old.getFields().get(i).getValues());
          }
          f.getEntries().add(fresh);
        }
      }
    }
  }

  /**
   * A workflow step on the revision shown (submit, withdraw, send-back, publish, unpublish,
   * archive).
   */
  public void act(String action) {
    clearMessages();
    try {
      ContentView moved =
          workflow.transition(caller(), site, slug, action, revision, Inputs.typed(reviewComment));
      reviewComment = null;
      show(moved);
      notice = lang.text("item.moved." + action);
    } catch (ContentValidationException e) {
      e.errors()
          .forEach(
              x -> {
                String message = FieldMessages.localize(x.message(), locale);
                metaErrors.put("item:reviewComment", message);
                problems.add(
                    new Problem(lang.text("meta.reviewComment"), message, "item:reviewComment"));
              });
    } catch (ConflictException e) {
      conflict = conflictMessage(e);
    } catch (AccessDeniedException e) {
      conflict = lang.text(action.equals("publish") ? "item.denied.publish" : "item.denied");
    } catch (NotFoundException e) {
      conflict = lang.text("item.gone");
    }
  }

  /** A link showing this revision to someone without an account, for a day. */
  public void preview() {
    clearMessages();
    PreviewTokens.Grant grant = previewing.grant(caller(), site, slug, Duration.ofDays(1));
    ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
    String origin =
        ext.getRequestScheme()
            + "://"
            + ext.getRequestServerName()
            + (ext.getRequestServerPort() == 80 || ext.getRequestServerPort() == 443
                ? ""
                : ":" + ext.getRequestServerPort());
    previewUrl = origin + "/preview/" + previewTokens.sign(grant);
  }

  // --- what the page asks ---

  /** Whether a step is offered from the item's state to this user. */
  public boolean offers(String action) {
    if (revision == null || state == null) {
      return false;
    }
    return switch (action) {
      case "submit" -> state.equals("draft") || state.equals("unpublished");
      case "withdraw" -> state.equals("in-review");
      case "send-back" -> canPublish && state.equals("in-review");
      case "publish" -> canPublish && !state.equals("archived");
      case "unpublish" -> canPublish && state.equals("published");
      case "archive" -> canPublish && !state.equals("published") && !state.equals("archived");
      default -> false;
    };
  }

  /**
   * Whether the site's rule forbids this user to publish the revision shown (they wrote it): said
   * before the click, next to a disabled button.
   */
  public boolean isOwnRevisionBlocked() {
    return distinctReviewer && author != null && author.equals(caller().username());
  }

  public boolean isNew() {
    return revision == null;
  }

  public String metaError(String id) {
    return metaErrors.get(id);
  }

  public boolean hasMetaError(String id) {
    return metaErrors.containsKey(id);
  }

  public String getStateLabel() {
    return state == null ? lang.text("state.new") : lang.text("state." + state);
  }

  public String getSite() {
    return site;
  }

  public void setSite(String site) {
    this.site = SiteAdmission.firstValue(this.site, site);
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = SiteAdmission.firstValue(this.slug, slug);
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = SiteAdmission.firstValue(this.type, type);
  }

  public String getSiteName() {
    return siteName;
  }

  public String getTypeName() {
    return typeName;
  }

  public List<FieldInput> getFields() {
    return fields;
  }

  public Integer getRevision() {
    return revision;
  }

  public String getState() {
    return state;
  }

  public Integer getPublishedRevision() {
    return publishedRevision;
  }

  public String getAuthor() {
    return author;
  }

  public boolean isCanPublish() {
    return canPublish;
  }

  public String getNewSlug() {
    return newSlug;
  }

  public void setNewSlug(String newSlug) {
    this.newSlug = newSlug;
  }

  public String getComment() {
    return comment;
  }

  public void setComment(String comment) {
    this.comment = comment;
  }

  public String getTags() {
    return tags;
  }

  public void setTags(String tags) {
    this.tags = tags;
  }

  public String getPublishAt() {
    return publishAt;
  }

  public void setPublishAt(String publishAt) {
    this.publishAt = publishAt;
  }

  public String getUnpublishAt() {
    return unpublishAt;
  }

  public void setUnpublishAt(String unpublishAt) {
    this.unpublishAt = unpublishAt;
  }

  public String getReviewComment() {
    return reviewComment;
  }

  public void setReviewComment(String reviewComment) {
    this.reviewComment = reviewComment;
  }

  public List<Problem> getProblems() {
    return problems;
  }

  public String getConflict() {
    return conflict;
  }

  public String getNotice() {
    return notice;
  }

  public String getPreviewUrl() {
    return previewUrl;
  }

  public String getPublicHref() {
    return "/sites/" + site + "/" + slug;
  }
}
