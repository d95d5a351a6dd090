package tw.gov.civitas.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A module's editor page, linked from its {@link EditorSlot} for users who hold its permission and
 * opened at {@code /editor/module.xhtml?site=<site>&page=<id>} ({@code site} only for {@link
 * EditorSlot#SITE}). Built with {@link #builder}, in one of two ways, or both:
 *
 * <ul>
 *   <li><b>As data</b> (Keycloak's admin pages, Strapi's admin slots): {@link Builder#column
 *       columns} and {@link Builder#field fields}, which the editor renders as a table and a form,
 *       with an {@link EditorPageSource} bean for the rows and the form; the module ships no Faces
 *       code.
 *   <li><b>As the module's own Facelets view</b> ({@link Builder#view}), for what data cannot
 *       describe (a booking calendar, a board with a button per row). The rules for such a view are
 *       on {@link Builder#view}.
 * </ul>
 *
 * <p>On every request, form posts included, and before the view's beans get any value or action of
 * it, the editor checks that the page exists, that the site enables the module (404 otherwise) and
 * that the user holds the page's {@link #permission} there (403 otherwise).
 */
public final class EditorPageDescriptor {

  /** Where a module's views are in its jar: {@code META-INF/civitas/editor/<module>/<file>}. */
  public static final String VIEW_FOLDER = "META-INF/civitas/editor/";

  /**
   * The EL name (and request attribute) of the site's key in a module's view; null outside {@link
   * EditorSlot#SITE}.
   */
  public static final String SITE_KEY = "siteKey";

  /** The EL name (and request attribute) of the page's id in a module's view. */
  public static final String PAGE_ID = "pageId";

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
  private final String view;

  private EditorPageDescriptor(Builder b) {
    this.id = Objects.requireNonNull(b.id, "id");
    if (!id.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+")) {
      throw new IllegalArgumentException(
          "editor page id must be namespaced, e.g. booking.venues: " + id);
    }
    this.slot = Objects.requireNonNull(b.slot, () -> "editor page " + id + " needs a slot");
    this.titleZh =
        Objects.requireNonNull(b.titleZh, () -> "editor page " + id + " needs a zh-TW title");
    this.titleEn = b.titleEn == null ? "" : b.titleEn;
    this.permission =
        Objects.requireNonNull(b.permission, () -> "editor page " + id + " needs a permission");
    this.view = b.view;
    if (view != null && !view.matches("[a-z0-9][a-z0-9-]*\\.xhtml")) {
      throw new IllegalArgumentException(
          "editor page "
              + id
              + ": view '"
              + view
              + "' must be a file name such as notes-board.xhtml (lower-case letters, digits, '-'; no folders)");
    }
    this.columns = List.copyOf(b.columns);
    if (columns.isEmpty() && view == null) {
      throw new IllegalArgumentException(
          "editor page " + id + " needs at least one column, or a view");
    }
    this.fields = List.copyOf(b.fields);
    for (FieldDescriptor f : fields) {
      if (f.kind() != FieldKind.TEXT && f.kind() != FieldKind.RICH_TEXT) {
        throw new IllegalArgumentException(
            "editor page "
                + id
                + ": field "
                + f.name()
                + " is "
                + f.kind()
                + "; the editor's forms take text fields");
      }
    }
    if (!fields.isEmpty() && columns.isEmpty()) {
      throw new IllegalArgumentException(
          "editor page " + id + ": a form's fields need the columns that label them");
    }
    this.source = b.source;
    if (source == null && !columns.isEmpty()) {
      throw new IllegalArgumentException(
          "editor page " + id + " needs its EditorPageSource class for its columns");
    }
  }

  /**
   * @param id namespaced by the module, e.g. {@code booking.venues}; stable, it is in the page's
   *     address
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  public String id() {
    return id;
  }

  public EditorSlot slot() {
    return slot;
  }

  public String titleZh() {
    return titleZh;
  }

  public String titleEn() {
    return titleEn;
  }

  /** The permission a user must hold to see the page (on the site, for {@link EditorSlot#SITE}). */
  public String permission() {
    return permission;
  }

  public List<Column> columns() {
    return columns;
  }

  /** The form's fields (text only); none means the page is a table only. */
  public List<FieldDescriptor> fields() {
    return fields;
  }

  /** The bean behind the columns and fields; null for a page that is a view only. */
  public Class<? extends EditorPageSource> source() {
    return source;
  }

  /** The file name of the module's own view, if the page has one (see {@link Builder#view}). */
  public Optional<String> view() {
    return Optional.ofNullable(view);
  }

  /** Where the view is in the module's jar: {@code META-INF/civitas/editor/<module>/<file>}. */
  public Optional<String> viewResource() {
    return view().map(v -> VIEW_FOLDER + moduleId() + "/" + v);
  }

  public String moduleId() {
    return id.substring(0, id.indexOf('.'));
  }

  /** Collects a page's slot, titles, permission, columns, fields, source and view. */
  public static final class Builder {
    private final String id;
    private EditorSlot slot;
    private String titleZh;
    private String titleEn;
    private String permission;
    private final List<Column> columns = new ArrayList<>();
    private final List<FieldDescriptor> fields = new ArrayList<>();
    private Class<? extends EditorPageSource> source;
    private String view;

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

    /**
     * The module's own Facelets view, {@code META-INF/civitas/editor/<module>/<file>} in its jar,
     * rendered inside the editor's page (under its title, after the table and form if the page has
     * columns too). The deployment fails, naming the module, if the jar has no such file; the
     * editor reads it the first time the page is opened and keeps it until the next deployment.
     *
     * <p>The file is a {@code <ui:composition>} without a template: the editor's page around it is
     * the template (title, header, skip link, {@code <main>}, stylesheet), so its headings start at
     * {@code <h2>}. It may use:
     *
     * <ul>
     *   <li>Jakarta Faces' tags ({@code h:}, {@code f:}, {@code ui:}, pass-through attributes) and
     *       PrimeFaces' ({@code p:}), which the editor provides (PrimeFaces 15) and styles to WCAG
     *       2.2 AA: the module ships no PrimeFaces, and its classes import Jakarta's APIs and the
     *       SPI only;
     *   <li>its module's CDI beans by {@code @Named} name (prefix the name with the module's, e.g.
     *       {@code fixtureNotesBoard}), {@code @RequestScoped} or Faces' {@code @ViewScoped} (as
     *       long as the page stays open), which use the SPI's services;
     *   <li>{@value #SITE_KEY} (the site's key, null outside {@link EditorSlot#SITE}) and {@value
     *       #PAGE_ID}, as EL names in the view and as request attributes for its beans. Take the
     *       site from them, never from a request parameter or a form field: they are the ones the
     *       editor checked.
     * </ul>
     *
     * <p>It must not: carry scripts or {@code on*} attributes (the editor's Content-Security-Policy
     * refuses them); declare {@code f:metadata}, {@code h:head} or {@code h:body}; ship views
     * anywhere else ({@code META-INF/resources}, {@code META-INF/flows}, {@code @View} beans),
     * where they would be reachable without the editor's check. A request for the view's own path
     * is refused.
     *
     * <p>Its {@code h:form}s post back to the editor's page; Faces' ViewState (kept on the server)
     * is their CSRF token, and a post with a forged or expired one is refused with 403. The beans'
     * writes go through the module's services, which check the permission again ({@code
     * Authorization.require}) and audit, as every service does.
     *
     * @param file a file name such as {@code notes-board.xhtml}: lower-case letters, digits and
     *     '-', no folders
     */
    public Builder view(String file) {
      this.view = Objects.requireNonNull(file, "view");
      return this;
    }

    public EditorPageDescriptor build() {
      return new EditorPageDescriptor(this);
    }
  }
}
