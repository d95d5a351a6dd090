package tw.gov.civitas.editor;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.core.template.SiteTemplate;
import tw.gov.civitas.core.template.SiteTemplates;
import tw.gov.civitas.core.tenancy.OpenDataSettings;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteService;
import tw.gov.civitas.core.tenancy.SiteSettings;
import tw.gov.civitas.security.CallerFactory;

/**
 * A site's settings, for its administrators: names, first language, theme, the review rule, the
 * plug-in modules it enables and its host names. The service checks everything and stores all or
 * nothing; its messages stand next to the fields.
 */
@Named("siteSettings")
@ViewScoped
public class SiteSettingsBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient CallerFactory callers;
  @Inject transient SiteAdmission admission;
  @Inject transient SiteService siteService;
  @Inject transient Platform platform;
  @Inject transient EditorLanguage lang;

  /** A content type's dataset as the form shows it. */
  public static class Dataset implements Serializable {
    private static final long serialVersionUID = 1L;
    private String type;
    private String name;
    private boolean published;
    private String description;
    private String updateFrequency;
    private String contact;

    public String getType() {
      return type;
    }

    public String getName() {
      return name;
    }

    public boolean isPublished() {
      return published;
    }

    public String getDescription() {
      return description;
    }

    public String getUpdateFrequency() {
      return updateFrequency;
    }

    public String getContact() {
      return contact;
    }
  }

  private String site;
  private String siteName;
  private List<Dataset> datasets = List.of();
  private String nameZh;
  private String nameEn;
  private String defaultLanguage;
  private String theme;
  private boolean requireDistinctReviewer;
  private List<String> enabledModules = new ArrayList<>();
  private String domains;
  private List<String> themes = List.of();
  private List<String> modules = List.of();
  private final FieldErrors errors = new FieldErrors();
  private String notice;

  public void load() throws IOException {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    Site found = admission.admit(site, CoreModule.SITE_MANAGE).orElse(null);
    if (found == null) {
      return;
    }
    show(found);
    // the themes the installed site templates use, and the site's own
    TreeSet<String> known = new TreeSet<>();
    SiteTemplates.all().values().stream().map(SiteTemplate::theme).forEach(known::add);
    known.add(found.getTheme());
    themes = List.copyOf(known);
    modules =
        platform.registry().registrations().stream()
            .map(r -> r.module())
            .filter(m -> m.enabledPerSite())
            .map(m -> m.id())
            .sorted()
            .toList();
  }

  private void show(Site s) {
    siteName = lang.pick(s.getNameZh(), s.getNameEn());
    nameZh = s.getNameZh();
    nameEn = s.getNameEn();
    defaultLanguage = s.getDefaultLanguage();
    theme = s.getTheme();
    requireDistinctReviewer = s.isRequireDistinctReviewer();
    enabledModules = new ArrayList<>(s.getEnabledModules());
    domains = String.join("\n", new TreeSet<>(s.getDomains()));
    datasets =
        OpenDataSettings.datasets(s, platform.registry()).stream()
            .map(
                d -> {
                  Dataset row = new Dataset();
                  row.type = d.type().shortName();
                  row.name = lang.pick(d.type().nameZh(), d.type().nameEn());
                  row.published = d.published();
                  row.description = d.description();
                  row.updateFrequency = d.updateFrequency();
                  row.contact = d.contact();
                  return row;
                })
            .toList();
  }

  /** The datasets' inputs as posted (plain inputs named by type, like the other row forms'). */
  private JsonObject openData() {
    Map<String, String> p =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    JsonObjectBuilder out = Json.createObjectBuilder();
    // the types of the modules as now ticked: a module switched off takes its datasets along
    List<String> types =
        OpenDataSettings.typesOf(platform.registry(), enabledModules).stream()
            .map(t -> t.shortName())
            .toList();
    for (Dataset d : datasets) {
      String at = "od-" + d.type + "-";
      d.published = p.get(at + "published") != null;
      d.description = p.get(at + "description");
      d.updateFrequency = p.get(at + "frequency");
      d.contact = p.get(at + "contact");
      JsonObjectBuilder o = Json.createObjectBuilder().add("published", d.published);
      if (d.description != null) {
        o.add("description", d.description);
      }
      if (d.updateFrequency != null) {
        o.add("updateFrequency", d.updateFrequency);
      }
      if (d.contact != null) {
        o.add("contact", d.contact);
      }
      if (types.contains(d.type)) {
        out.add(d.type, o);
      }
    }
    return out.build();
  }

  public void save() {
    errors.clear();
    notice = null;
    List<String> hosts =
        domains == null
            ? List.of()
            : Arrays.stream(domains.split("[\\s,]+")).filter(d -> !d.isBlank()).toList();
    try {
      Site saved =
          siteService.configure(
              callers.current().orElseThrow(),
              site,
              new SiteSettings(
                  nameZh == null ? "" : nameZh,
                  nameEn == null ? "" : nameEn,
                  defaultLanguage,
                  theme,
                  requireDistinctReviewer,
                  List.copyOf(enabledModules),
                  hosts,
                  null,
                  null,
                  openData()));
      show(saved);
      notice = lang.text("settings.saved");
    } catch (ContentValidationException e) {
      errors.addAll(e, lang.getLocale());
    }
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

  public String getDefaultLanguage() {
    return defaultLanguage;
  }

  public void setDefaultLanguage(String defaultLanguage) {
    this.defaultLanguage = defaultLanguage;
  }

  public String getTheme() {
    return theme;
  }

  public void setTheme(String theme) {
    this.theme = theme;
  }

  public boolean isRequireDistinctReviewer() {
    return requireDistinctReviewer;
  }

  public void setRequireDistinctReviewer(boolean requireDistinctReviewer) {
    this.requireDistinctReviewer = requireDistinctReviewer;
  }

  public List<String> getEnabledModules() {
    return enabledModules;
  }

  public void setEnabledModules(List<String> enabledModules) {
    this.enabledModules =
        enabledModules == null ? new ArrayList<>() : new ArrayList<>(enabledModules);
  }

  public String getDomains() {
    return domains;
  }

  public void setDomains(String domains) {
    this.domains = domains;
  }

  public List<Dataset> getDatasets() {
    return datasets;
  }

  public List<String> getFrequencies() {
    return OpenDataSettings.FREQUENCIES;
  }

  public List<String> getThemes() {
    return themes;
  }

  public List<String> getModules() {
    return modules;
  }

  public String getNotice() {
    return notice;
  }
}
