package tw.gov.civitas.editor;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tw.gov.civitas.core.content.ContentEditing;
import tw.gov.civitas.core.content.ContentView;
import tw.gov.civitas.core.content.ItemFilter;
import tw.gov.civitas.core.content.ManagedItem;
import tw.gov.civitas.core.content.ReleaseService;
import tw.gov.civitas.core.content.ReleaseView;
import tw.gov.civitas.core.error.ConflictException;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.error.NotFoundException;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.security.SiteAuthorization;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.security.CallerFactory;

/**
 * A site's batch releases: items grouped to go public together at a set time, each at the revision
 * current when it was scheduled. The list says what each release will publish; a publisher
 * schedules one from the items not yet public as they stand, or cancels one that has not run.
 */
@Named("releases")
@ViewScoped
public class ReleasesBean implements Serializable {

  private static final long serialVersionUID = 1L;

  /** An item a release publishes, at the revision it publishes. */
  public record Entry(String slug, String title, int revision, String href)
      implements Serializable {
    public String getSlug() {
      return slug;
    }

    public String getTitle() {
      return title;
    }

    public int getRevision() {
      return revision;
    }

    public String getHref() {
      return href;
    }
  }

  /** A release as the list shows it. */
  public record Row(
      long id,
      String name,
      String releaseAt,
      String state,
      String stateLabel,
      String createdBy,
      String releasedAt,
      List<Entry> entries)
      implements Serializable {
    public long getId() {
      return id;
    }

    public String getName() {
      return name;
    }

    public String getReleaseAt() {
      return releaseAt;
    }

    public String getState() {
      return state;
    }

    public String getStateLabel() {
      return stateLabel;
    }

    public String getCreatedBy() {
      return createdBy;
    }

    public String getReleasedAt() {
      return releasedAt;
    }

    public List<Entry> getEntries() {
      return entries;
    }

    public boolean isScheduled() {
      return "scheduled".equals(state);
    }
  }

  @Inject transient CallerFactory callers;
  @Inject transient SiteAdmission admission;
  @Inject transient SiteAuthorization authorization;
  @Inject transient ReleaseService releaseService;
  @Inject transient ContentEditing content;
  @Inject transient Platform platform;
  @Inject transient EditorLanguage lang;

  private String site;
  private String siteName;
  private boolean canPublish;
  private List<Row> rows = List.of();
  private List<ItemRow> candidates = List.of();
  private String name;
  private String releaseAt;
  private List<String> picked = new ArrayList<>();
  private final FieldErrors errors = new FieldErrors();
  private String notice;

  public void load() throws IOException {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    Site found = admission.admit(site, CoreModule.CONTENT_EDIT).orElse(null);
    if (found == null) {
      return;
    }
    siteName = lang.pick(found.getNameZh(), found.getNameEn());
    canPublish = authorization.holds(caller(), site, CoreModule.CONTENT_PUBLISH);
    refresh();
  }

  private Caller caller() {
    return callers.current().orElseThrow();
  }

  private void refresh() {
    Caller caller = caller();
    List<ManagedItem> items =
        content.list(caller, site, ItemFilter.all(1, ItemFilter.MAX_SIZE)).items();
    Map<String, ManagedItem> bySlug = new LinkedHashMap<>();
    items.forEach(m -> bySlug.put(m.item().slug(), m));
    rows = releaseService.list(caller, site).stream().limit(50).map(r -> row(r, bySlug)).toList();
    // What a release can take: items whose current revision is not public yet and not archived.
    candidates =
        canPublish
            ? items.stream()
                .filter(m -> !"archived".equals(m.item().state()))
                .filter(
                    m -> !Integer.valueOf(m.item().revision()).equals(m.item().publishedRevision()))
                .map(m -> new ItemRow(m, platform.registry(), lang.getLocale()))
                .toList()
            : List.of();
  }

  private Row row(ReleaseView r, Map<String, ManagedItem> bySlug) {
    List<Entry> entries =
        r.items().stream()
            .map(
                slug -> {
                  ManagedItem m = bySlug.get(slug);
                  String title = m != null ? m.title(lang.getContent()) : title(slug);
                  return new Entry(
                      slug,
                      title,
                      r.revisions().getOrDefault(slug, 0),
                      "item.xhtml?site=" + site + "&slug=" + slug);
                })
            .toList();
    return new Row(
        r.id(),
        r.name(),
        ItemRow.time(r.releaseAt()),
        r.state(),
        lang.text("release.state." + r.state()),
        r.createdBy(),
        ItemRow.time(r.releasedAt()),
        entries);
  }

  /** The title of an item beyond the first page of the site's items. */
  private String title(String slug) {
    try {
      return ContentView.title(content.current(caller(), site, slug), lang.getContent());
    } catch (NotFoundException e) {
      return slug;
    }
  }

  public void create() {
    errors.clear();
    notice = null;
    Instant at = null;
    if (Inputs.typed(releaseAt) != null) {
      try {
        at = LocalDateTime.parse(releaseAt.strip()).atZone(ItemRow.TAIPEI).toInstant();
      } catch (DateTimeParseException e) {
        errors.put("releaseAt", lang.text("release.time.invalid"));
      }
    }
    List<String> slugs = picked();
    if (errors.isEmpty()) {
      try {
        ReleaseView made = releaseService.create(caller(), site, Inputs.typed(name), at, slugs);
        notice = lang.text("release.created", made.name(), ItemRow.time(made.releaseAt()));
        name = null;
        releaseAt = null;
        picked = new ArrayList<>();
      } catch (ContentValidationException e) {
        errors.addAll(e, lang.getLocale());
        picked = slugs;
      }
    }
    refresh();
  }

  public void cancel(long id) {
    errors.clear();
    try {
      ReleaseView cancelled = releaseService.cancel(caller(), site, id);
      notice = lang.text("release.cancelled", cancelled.name());
    } catch (ConflictException | NotFoundException e) {
      notice = lang.text("release.cancel.refused");
    }
    refresh();
  }

  private List<String> picked() {
    String[] values =
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestParameterValuesMap()
            .get("release-item");
    return values == null ? List.of() : Arrays.stream(values).distinct().toList();
  }

  public boolean isPicked(String slug) {
    return picked.contains(slug);
  }

  public String error(String field) {
    return errors.get(field);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  public String getSite() {
    return site;
  }

  public void setSite(String site) {
    this.site = SiteAdmission.firstValue(this.site, site);
  }

  public String getSiteName() {
    return siteName;
  }

  public boolean isCanPublish() {
    return canPublish;
  }

  public List<Row> getRows() {
    return rows;
  }

  public List<ItemRow> getCandidates() {
    return candidates;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getReleaseAt() {
    return releaseAt;
  }

  public void setReleaseAt(String releaseAt) {
    this.releaseAt = releaseAt;
  }

  public String getNotice() {
    return notice;
  }
}
