package tw.gov.civitas.editor;

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
import java.util.TreeSet;
import tw.gov.civitas.core.admin.ModuleStates;
import tw.gov.civitas.core.error.ConflictException;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.provisioning.SiteProvisioning;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.template.SiteTemplates;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;
import tw.gov.civitas.security.CallerFactory;

/**
 * The digital bureau's screen (platform administrators): the agencies and their sites, a new site
 * from a site template, and the module registry with each module's state.
 */
@Named("platformAdmin")
@ViewScoped
public class PlatformAdminBean implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A site in the agencies table. */
  public record SiteRow(
      String agency,
      String agencyKind,
      String key,
      String name,
      String theme,
      String modules,
      String domains)
      implements Serializable {
    public String getAgency() {
      return agency;
    }

    public String getAgencyKind() {
      return agencyKind;
    }

    public String getKey() {
      return key;
    }

    public String getName() {
      return name;
    }

    public String getTheme() {
      return theme;
    }

    public String getModules() {
      return modules;
    }

    public String getDomains() {
      return domains;
    }
  }

  /** A module of the registry, in the screen's words. */
  public record ModuleRow(
      String id, String state, String scope, String schema, String contributes, boolean healthy)
      implements Serializable {
    public String getId() {
      return id;
    }

    public String getState() {
      return state;
    }

    public String getScope() {
      return scope;
    }

    public String getSchema() {
      return schema;
    }

    public String getContributes() {
      return contributes;
    }

    public boolean isHealthy() {
      return healthy;
    }
  }

  /** A choice of a select: value and label. */
  public record Choice(String value, String label) implements Serializable {
    public String getValue() {
      return value;
    }

    public String getLabel() {
      return label;
    }
  }

  @Inject transient CallerFactory callers;
  @Inject transient SiteRepository siteRepository;
  @Inject transient SiteProvisioning provisioning;
  @Inject transient ModuleStates moduleStates;
  @Inject transient EditorLanguage lang;

  private List<SiteRow> sites = List.of();
  private List<ModuleRow> modules = List.of();
  private List<Choice> agencies = List.of();
  private List<Choice> templates = List.of();
  private String key;
  private String agency;
  private String nameZh;
  private String nameEn;
  private String template = SiteTemplates.DEFAULT;
  private final FieldErrors errors = new FieldErrors();
  private String notice;
  private String created;

  public void load() throws IOException {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    if (!caller().isPlatformAdmin()) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().responseSendError(403, "Platform administrators only");
      faces.responseComplete();
      return;
    }
    refresh();
  }

  private Caller caller() {
    return callers.current().orElseThrow();
  }

  private void refresh() {
    List<Site> all = siteRepository.findAll();
    sites =
        all.stream()
            .sorted(
                java.util.Comparator.comparing((Site s) -> s.getAgency().getSlug())
                    .thenComparing(Site::getKey))
            .map(
                s ->
                    new SiteRow(
                        lang.pick(s.getAgency().getNameZh(), s.getAgency().getNameEn()),
                        lang.text("agency.kind." + s.getAgency().getKind()),
                        s.getKey(),
                        lang.pick(s.getNameZh(), s.getNameEn()),
                        s.getTheme(),
                        String.join(", ", new TreeSet<>(s.getEnabledModules())),
                        String.join(", ", new TreeSet<>(s.getDomains()))))
            .toList();
    Map<String, String> byAgency = new LinkedHashMap<>();
    all.stream()
        .map(Site::getAgency)
        .sorted(java.util.Comparator.comparing(a -> a.getSlug()))
        .forEach(a -> byAgency.putIfAbsent(a.getSlug(), lang.pick(a.getNameZh(), a.getNameEn())));
    List<Choice> agencyChoices = new ArrayList<>();
    agencyChoices.add(new Choice("", lang.text("admin.agency.new")));
    byAgency.forEach((slug, name) -> agencyChoices.add(new Choice(slug, name + " (" + slug + ")")));
    agencies = agencyChoices;
    templates =
        SiteTemplates.all().values().stream()
            .map(t -> new Choice(t.id(), lang.pick(t.nameZh(), t.nameEn())))
            .toList();
    modules =
        moduleStates.all(caller()).stream()
            .map(
                m ->
                    new ModuleRow(
                        m.id(),
                        lang.text(
                            m.failedMigrations() == 0
                                ? "admin.module.running"
                                : "admin.module.migration-failed"),
                        m.enabledPerSite()
                            ? lang.text(
                                "admin.module.on-sites",
                                m.sitesEnabling().size(),
                                m.siteCount(),
                                String.join(", ", m.sitesEnabling()))
                            : lang.text("admin.module.everywhere"),
                        m.schemaVersion() == null
                            ? lang.text("admin.module.no-schema")
                            : lang.text("admin.module.schema", m.schemaVersion(), m.migrations()),
                        contributes(m),
                        m.failedMigrations() == 0))
            .toList();
  }

  private String contributes(ModuleStates.ModuleState m) {
    List<String> parts = new ArrayList<>();
    count(parts, "admin.module.permissions", m.permissions());
    count(parts, "admin.module.types", m.contentTypes());
    count(parts, "admin.module.jobs", m.jobs());
    count(parts, "admin.module.page-modules", m.pageModules());
    count(parts, "admin.module.editor-pages", m.editorPages());
    count(parts, "admin.module.forms", m.citizenForms());
    return parts.isEmpty() ? "—" : String.join("; ", parts);
  }

  private void count(List<String> parts, String key, List<String> ids) {
    if (!ids.isEmpty()) {
      parts.add(lang.text(key, ids.size(), String.join(", ", ids)));
    }
  }

  public void create() {
    errors.clear();
    notice = null;
    created = null;
    try {
      Site site =
          provisioning.create(
              caller(),
              Inputs.typed(key),
              Inputs.typed(agency),
              Inputs.typed(nameZh),
              Inputs.typed(nameEn),
              Inputs.typed(template));
      created = site.getKey();
      notice = lang.text("admin.created", lang.pick(site.getNameZh(), site.getNameEn()));
      key = null;
      agency = null;
      nameZh = null;
      nameEn = null;
    } catch (ContentValidationException e) {
      errors.addAll(e, lang.getLocale());
    } catch (ConflictException e) {
      errors.put("key", lang.text("admin.key.taken"));
    }
    refresh();
  }

  public String error(String field) {
    return errors.get(field);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  public List<SiteRow> getSites() {
    return sites;
  }

  public List<ModuleRow> getModules() {
    return modules;
  }

  public List<Choice> getAgencies() {
    return agencies;
  }

  public List<Choice> getTemplates() {
    return templates;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  public String getAgency() {
    return agency;
  }

  public void setAgency(String agency) {
    this.agency = agency;
  }

  public String getNameZh() {
    return nameZh;
  }

  public void setNameZh(String nameZh) {
    this.nameZh = nameZh;
  }

  public String getNameEn() {
    return nameEn;
  }

  public void setNameEn(String nameEn) {
    this.nameEn = nameEn;
  }

  public String getTemplate() {
    return template;
  }

  public void setTemplate(String template) {
    this.template = template;
  }

  public String getNotice() {
    return notice;
  }

  public String getCreated() {
    return created;
  }
}
