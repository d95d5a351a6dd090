package tw.gov.civitas.editor;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import tw.gov.civitas.core.content.ManagedItem;
import tw.gov.civitas.core.module.ModuleRegistry;

/** An item as the editor's lists show it, in the screen's language (Faces EL reads getters). */
public class ItemRow implements Serializable {

  private static final long serialVersionUID = 1L;
  static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(TAIPEI);

  private final String site;
  private final String slug;
  private final String title;
  private final String typeName;
  private final String state;
  private final String stateLabel;
  private final String author;
  private final String updated;
  private final String scheduled;
  private final int revision;

  ItemRow(ManagedItem m, ModuleRegistry registry, Locale locale) {
    boolean en = Locale.ENGLISH.equals(locale);
    this.site = m.item().siteKey();
    this.slug = m.item().slug();
    this.title = m.title(en ? "en" : "zh-TW");
    this.typeName =
        registry
            .contentType(m.item().type())
            .map(t -> en && !t.nameEn().isBlank() ? t.nameEn() : t.nameZh())
            .orElse(m.item().type());
    this.state = m.item().state();
    this.stateLabel = EditorLanguage.text(locale, "state." + m.item().state());
    this.author = m.author();
    this.updated = TIME.format(m.item().updatedAt());
    this.revision = m.item().revision();
    StringBuilder due = new StringBuilder();
    if (m.item().publishAt() != null) {
      due.append(EditorLanguage.text(locale, "schedule.publish", time(m.item().publishAt())));
    }
    if (m.item().unpublishAt() != null) {
      if (!due.isEmpty()) {
        due.append("; ");
      }
      due.append(EditorLanguage.text(locale, "schedule.unpublish", time(m.item().unpublishAt())));
    }
    this.scheduled = due.toString();
  }

  static String time(Instant t) {
    return t == null ? "" : TIME.format(t);
  }

  public String getSite() {
    return site;
  }

  public String getSlug() {
    return slug;
  }

  public String getTitle() {
    return title;
  }

  public String getTypeName() {
    return typeName;
  }

  public String getState() {
    return state;
  }

  public String getStateLabel() {
    return stateLabel;
  }

  public String getAuthor() {
    return author;
  }

  public String getUpdated() {
    return updated;
  }

  public String getScheduled() {
    return scheduled;
  }

  public int getRevision() {
    return revision;
  }

  /** Where the item is edited. */
  public String getHref() {
    return "item.xhtml?site=" + site + "&slug=" + slug;
  }
}
