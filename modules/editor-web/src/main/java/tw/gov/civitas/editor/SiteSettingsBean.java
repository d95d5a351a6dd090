package tw.gov.civitas.editor;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.core.template.SiteTemplate;
import tw.gov.civitas.core.template.SiteTemplates;
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

  private String site;
  private String siteName;
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
                  null));
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
