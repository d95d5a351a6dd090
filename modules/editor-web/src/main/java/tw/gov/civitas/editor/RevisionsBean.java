package tw.gov.civitas.editor;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import tw.gov.civitas.core.content.ContentHistory;
import tw.gov.civitas.core.content.ContentView;
import tw.gov.civitas.core.content.RevisionSummary;
import tw.gov.civitas.core.error.NotFoundException;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.security.CallerFactory;

/**
 * An item's history: every revision with who saved it and why, two revisions side by side, and an
 * old one restored as a new revision (history is never rewritten).
 */
@Named("revisions")
@ViewScoped
public class RevisionsBean implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A revision of the history table. */
  public record Row(
      int number, String author, String time, String comment, boolean current, boolean published)
      implements Serializable {
    public int getNumber() {
      return number;
    }

    public String getAuthor() {
      return author;
    }

    public String getTime() {
      return time;
    }

    public String getComment() {
      return comment;
    }

    public boolean isCurrent() {
      return current;
    }

    public boolean isPublished() {
      return published;
    }
  }

  /** One changed field (or one language of it), before and after. */
  public record Change(String field, String before, String after) implements Serializable {
    public String getField() {
      return field;
    }

    public String getBefore() {
      return before;
    }

    public String getAfter() {
      return after;
    }
  }

  @Inject transient CallerFactory callers;
  @Inject transient SiteAdmission admission;
  @Inject transient ContentHistory history;
  @Inject transient tw.gov.civitas.core.content.ContentEditing content;
  @Inject transient EditorLanguage lang;

  private String site;
  private String slug;
  private Integer from;
  private Integer to;
  private String title;
  private List<Row> rows = List.of();
  private List<Change> changes = List.of();
  private String notice;

  public void load() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces.isPostback()) {
      return;
    }
    if (admission.admit(site, CoreModule.CONTENT_EDIT).isEmpty()) {
      return;
    }
    var caller = callers.current().orElseThrow();
    if (slug == null) {
      SiteAdmission.notFound();
      return;
    }
    try {
      ContentView current = content.current(caller, site, slug);
      title = ContentView.title(current, lang.getContent());
      read();
    } catch (NotFoundException e) {
      SiteAdmission.notFound();
    }
  }

  private void read() {
    var caller = callers.current().orElseThrow();
    List<RevisionSummary> all = history.revisions(caller, site, slug);
    rows =
        all.stream()
            .map(
                r ->
                    new Row(
                        r.number(),
                        r.author(),
                        ItemRow.time(r.createdAt()),
                        r.comment() == null ? "" : r.comment(),
                        r.current(),
                        r.published()))
            .toList();
    int newest = all.isEmpty() ? 1 : all.get(0).number();
    if (to == null || to < 1 || to > newest) {
      to = newest;
    }
    if (from == null || from < 1 || from > newest) {
      from = Math.max(1, to - 1);
    }
    changes =
        history.diff(caller, site, slug, from, to).stream()
            .map(c -> new Change(c.field(), text(c.before()), text(c.after())))
            .toList();
  }

  private static String text(JsonValue v) {
    if (v == null || v == JsonValue.NULL) {
      return "";
    }
    return v instanceof JsonString s ? s.getString() : v.toString();
  }

  /** Makes revision {@code number} current again, as a new revision. */
  public void restore(int number) {
    try {
      ContentView restored = history.restore(callers.current().orElseThrow(), site, slug, number);
      notice = lang.text("revisions.restored", number, restored.revision());
      to = restored.revision();
      from = number;
    } catch (tw.gov.civitas.core.error.ConflictException
        | tw.gov.civitas.core.security.AccessDeniedException e) {
      notice = lang.text("revisions.not-restored", number);
    } catch (NotFoundException e) {
      notice = lang.text("item.gone");
      return;
    }
    read();
  }

  public String compareHref(int a, int b) {
    return "revisions.xhtml?site=" + site + "&slug=" + slug + "&from=" + a + "&to=" + b;
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

  public Integer getFrom() {
    return from;
  }

  public void setFrom(Integer from) {
    this.from = from;
  }

  public Integer getTo() {
    return to;
  }

  public void setTo(Integer to) {
    this.to = to;
  }

  public String getTitle() {
    return title;
  }

  public List<Row> getRows() {
    return rows;
  }

  public List<Change> getChanges() {
    return changes;
  }

  public String getNotice() {
    return notice;
  }
}
