package tw.gov.civitas.editor;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.security.SiteAuthorization;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;
import tw.gov.civitas.security.CallerFactory;
import tw.gov.civitas.spi.EditorPageDescriptor;
import tw.gov.civitas.spi.EditorPageSource;
import tw.gov.civitas.spi.EditorSlot;
import tw.gov.civitas.spi.FieldDescriptor;
import tw.gov.civitas.spi.FieldKind;
import tw.gov.civitas.spi.runtime.InvalidInputException;

/**
 * A plug-in module's editor page: a table of the source's rows and a form of the descriptor's
 * fields, whose errors appear next to each field, and the module's own view if it declares one.
 * Every request is admitted here first: the view action on the first, {@link EditorPostGuard} on
 * each form post.
 */
@Named("modulePage")
@ViewScoped
public class ModulePageBean implements Serializable {

  /** The editor's page for modules' editor pages. */
  static final String VIEW_ID = "/module.xhtml";

  /** A form field as the view needs it (Faces EL reads getters). */
  public static class Field implements Serializable {
    private final String name;
    private final String label;
    private final boolean required;
    private final int maxLength;
    private final boolean multiline;
    private String value = "";

    Field(FieldDescriptor d, String label) {
      this.name = d.name();
      this.label = label;
      this.required = d.required();
      this.maxLength = d.maxLength();
      this.multiline = d.kind() == FieldKind.RICH_TEXT || d.maxLength() > 200;
    }

    public String getName() {
      return name;
    }

    public String getLabel() {
      return label;
    }

    public boolean isRequired() {
      return required;
    }

    public int getMaxLength() {
      return maxLength > 0 ? maxLength : 10_000;
    }

    public boolean isMultiline() {
      return multiline;
    }

    public String getValue() {
      return value;
    }

    public void setValue(String value) {
      this.value = value;
    }
  }

  /** A table column (Faces 4 EL cannot read a record's accessors). */
  public static class Column implements Serializable {
    private final String name;
    private final String header;

    Column(EditorPageDescriptor.Column c, EditorLanguage lang) {
      this.name = c.name();
      this.header = lang.pick(c.labelZh(), c.labelEn());
    }

    public String getName() {
      return name;
    }

    public String getHeader() {
      return header;
    }
  }

  @Inject transient CallerFactory callers;
  @Inject transient Platform platform;
  @Inject transient SiteRepository sites;
  @Inject transient SiteAuthorization authorization;
  @Inject transient EditorLanguage lang;

  private String site;
  private String page;
  private String title;
  private String siteName;
  private String view;
  private boolean admitted;
  private List<Column> columns = List.of();
  private List<Map<String, String>> rows = List.of();
  private List<Field> fields = new ArrayList<>();

  /** The view action: the page exists on this site, and the user holds its permission. */
  public void load() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    Optional<EditorPageDescriptor> found = admit(faces);
    if (found.isEmpty()) {
      return;
    }
    EditorPageDescriptor d = found.get();
    admitted = true;
    // one language per screen: the descriptor's names in the screen's language
    title = lang.pick(d.titleZh(), d.titleEn());
    siteName =
        site == null
            ? null
            : sites.findByKey(site).map(s -> lang.pick(s.getNameZh(), s.getNameEn())).orElse(null);
    columns = d.columns().stream().map(c -> new Column(c, lang)).toList();
    view =
        d.view().map(file -> ModuleViewResources.PREFIX + d.moduleId() + "/" + file).orElse(null);
    if (!faces.isPostback()) {
      fields = new ArrayList<>();
      for (FieldDescriptor f : d.fields()) {
        fields.add(new Field(f, label(d, f.name(), lang)));
      }
    }
    rows = d.source() == null ? List.of() : readRows(d);
  }

  /**
   * A source that cannot answer now (Keycloak away) leaves the page up, saying so, instead of a
   * 500.
   */
  private List<Map<String, String>> readRows(EditorPageDescriptor d) {
    try {
      return source(d).rows(getSiteKey());
    } catch (RuntimeException e) {
      java.util.logging.Logger.getLogger(ModulePageBean.class.getName())
          .log(
              java.util.logging.Level.WARNING,
              "Editor page " + d.id() + " could not read its rows",
              e);
      FacesContext.getCurrentInstance()
          .addMessage(
              null,
              new FacesMessage(FacesMessage.SEVERITY_ERROR, lang.text("module.unavailable"), null));
      return List.of();
    }
  }

  /**
   * A form post to this page, before Faces applies anything of it: the user must still hold the
   * page's permission on its site (the view state only proves the page was once shown to them).
   */
  void admitPostback() throws IOException {
    admit(FacesContext.getCurrentInstance());
  }

  /**
   * 404 unless the page exists (on a site that enables its module), 403 unless the user holds its
   * permission; then its site and id become the request values a module's view reads.
   */
  private Optional<EditorPageDescriptor> admit(FacesContext faces) throws IOException {
    ExternalContext ext = faces.getExternalContext();
    Optional<EditorPageDescriptor> found = descriptor();
    Caller caller = callers.current().orElseThrow();
    Site s = site == null ? null : sites.findByKey(site).orElse(null);
    boolean exists =
        found.isPresent()
            && (found.get().slot() != EditorSlot.SITE
                || s != null
                    && platform
                        .registry()
                        .enabledOn(s.getEnabledModules(), found.get().moduleId()));
    if (!exists) {
      ext.responseSendError(404, "No such page");
      faces.responseComplete();
      return Optional.empty();
    }
    if (!ModulePages.allowed(authorization, caller, found.get(), site)) {
      ext.responseSendError(403, "You may not open this page");
      faces.responseComplete();
      return Optional.empty();
    }
    ext.getRequestMap().put(EditorPageDescriptor.SITE_KEY, getSiteKey());
    ext.getRequestMap().put(EditorPageDescriptor.PAGE_ID, page);
    return found;
  }

  public void submit() {
    FacesContext faces = FacesContext.getCurrentInstance();
    EditorPageDescriptor d = descriptor().orElseThrow();
    Map<String, String> values = new LinkedHashMap<>();
    fields.forEach(f -> values.put(f.getName(), f.getValue()));
    try {
      source(d).submit(getSiteKey(), values);
    } catch (InvalidInputException e) {
      e.fieldErrors()
          .forEach(
              (field, message) ->
                  faces.addMessage(
                      clientId(field),
                      new FacesMessage(
                          FacesMessage.SEVERITY_ERROR,
                          label(d, field, lang) + lang.text("module.field-separator") + message,
                          message)));
      faces.validationFailed();
      return;
    }
    faces.addMessage(
        null, new FacesMessage(FacesMessage.SEVERITY_INFO, lang.text("module.saved"), null));
    fields.forEach(f -> f.setValue(""));
    rows = readRows(d);
  }

  /** The client id of a field's input, for its message (inputs are repeated, one per field). */
  private String clientId(String field) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).getName().equals(field)) {
        return "module-form:fields:" + i + ":value";
      }
    }
    return null;
  }

  private static String label(EditorPageDescriptor d, String field, EditorLanguage lang) {
    return d.columns().stream()
        .filter(c -> c.name().equals(field))
        .map(c -> lang.pick(c.labelZh(), c.labelEn()))
        .findFirst()
        .orElse(field);
  }

  private Optional<EditorPageDescriptor> descriptor() {
    return page == null ? Optional.empty() : platform.registry().editorPage(page);
  }

  private static EditorPageSource source(EditorPageDescriptor d) {
    return CDI.current().select(d.source()).get();
  }

  public String getSite() {
    return site;
  }

  // Faces decodes the view parameters again on every post: an admitted page keeps its site and id.
  public void setSite(String site) {
    if (!admitted) {
      this.site = site;
    }
  }

  public String getPage() {
    return page;
  }

  public void setPage(String page) {
    if (!admitted) {
      this.page = page;
    }
  }

  public String getTitle() {
    return title;
  }

  public String getSiteName() {
    return siteName;
  }

  /** The site a {@link EditorSlot#SITE} page works on; null for the other slots. */
  public String getSiteKey() {
    return descriptor().filter(d -> d.slot() == EditorSlot.SITE).map(d -> site).orElse(null);
  }

  /**
   * The module's own view ({@code /module-views/<module>/<file>}), once the user was admitted; else
   * null.
   */
  public String getView() {
    return view;
  }

  public List<Column> getColumns() {
    return columns;
  }

  public List<Map<String, String>> getRows() {
    return rows;
  }

  public List<Field> getFields() {
    return fields;
  }
}
