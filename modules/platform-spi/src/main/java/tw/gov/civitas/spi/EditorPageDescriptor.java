package tw.gov.civitas.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A module's editor page, described as data (Keycloak's admin pages, Strapi's admin slots): the
 * editor renders a table of its columns and, if it has fields, a form, so the module ships no
 * Faces code. Built with {@link #builder}.
 */
public final class EditorPageDescriptor {

  /** One column of the page's table. */
  public record Column(String name, String labelZh, String labelEn) {
    public Column {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(labelZh, "labelZh");
      labelEn = labelEn == null ? "" : labelEn;
    }
  }

  private final String id;
  private final EditorSlot slot;
  private final String titleZh;
  private final String titleEn;
  private final String permission;
  private final List<Column> columns;
  private final List<FieldDescriptor> fields;
  private final Class<? extends EditorPageSource> source;

  private EditorPageDescriptor(Builder b) {
    this.id = Objects.requireNonNull(b.id, "id");
    if (!id.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+")) {
      throw new IllegalArgumentException("editor page id must be namespaced, e.g. booking.venues: " + id);
    }
    this.slot = Objects.requireNonNull(b.slot, () -> "editor page " + id + " needs a slot");
    this.titleZh = Objects.requireNonNull(b.titleZh, () -> "editor page " + id + " needs a zh-TW title");
    this.titleEn = b.titleEn == null ? "" : b.titleEn;
    this.permission = Objects.requireNonNull(b.permission, () -> "editor page " + id + " needs a permission");
    this.columns = List.copyOf(b.columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("editor page " + id + " needs at least one column");
    }
    this.fields = List.copyOf(b.fields);
    for (FieldDescriptor f : fields) {
      if (f.kind() != FieldKind.TEXT && f.kind() != FieldKind.RICH_TEXT) {
        throw new IllegalArgumentException("editor page " + id + ": field " + f.name() + " is " + f.kind()
            + "; the editor's forms take text fields");
      }
    }
    this.source = Objects.requireNonNull(b.source, () -> "editor page " + id + " needs its EditorPageSource class");
  }

  /** @param id namespaced by the module, e.g. {@code booking.venues}; stable, it is in the page's address */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  public String id() { return id; }

  public EditorSlot slot() { return slot; }

  public String titleZh() { return titleZh; }

  public String titleEn() { return titleEn; }

  /** The permission a user must hold to see the page (on the site, for {@link EditorSlot#SITE}). */
  public String permission() { return permission; }

  public List<Column> columns() { return columns; }

  /** The form's fields (text only); none means the page is a table only. */
  public List<FieldDescriptor> fields() { return fields; }

  public Class<? extends EditorPageSource> source() { return source; }

  public String moduleId() {
    return id.substring(0, id.indexOf('.'));
  }

  /** Collects a page's slot, titles, permission, columns, fields and source. */
  public static final class Builder {
    private final String id;
    private EditorSlot slot;
    private String titleZh;
    private String titleEn;
    private String permission;
    private final List<Column> columns = new ArrayList<>();
    private final List<FieldDescriptor> fields = new ArrayList<>();
    private Class<? extends EditorPageSource> source;

    private Builder(String id) {
      this.id = id;
    }

    public Builder slot(EditorSlot slot) {
      this.slot = slot;
      return this;
    }

    public Builder title(String zh, String en) {
      this.titleZh = zh;
      this.titleEn = en;
      return this;
    }

    public Builder permission(String permission) {
      this.permission = permission;
      return this;
    }

    public Builder column(String name, String labelZh, String labelEn) {
      columns.add(new Column(name, labelZh, labelEn));
      return this;
    }

    public Builder field(FieldDescriptor field) {
      fields.add(Objects.requireNonNull(field, "field"));
      return this;
    }

    public Builder source(Class<? extends EditorPageSource> source) {
      this.source = source;
      return this;
    }

    public EditorPageDescriptor build() {
      return new EditorPageDescriptor(this);
    }
  }
}
