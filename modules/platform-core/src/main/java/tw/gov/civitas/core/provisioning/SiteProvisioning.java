package tw.gov.civitas.core.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import tw.gov.civitas.core.audit.AuditLog;
import tw.gov.civitas.core.error.ConflictException;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.error.FieldError;
import tw.gov.civitas.core.menu.MenuService;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.template.SiteTemplate;
import tw.gov.civitas.core.template.SiteTemplates;
import tw.gov.civitas.core.tenancy.Agency;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;
import tw.gov.civitas.core.tenancy.SiteService;
import tw.gov.civitas.core.tenancy.SiteService.SiteChanged;

/**
 * New sites from a site template: the tenant, its agency, and what the template brings (theme,
 * language, modules, menus). Above tenancy and menus, so that neither needs the other.
 */
@ApplicationScoped
public class SiteProvisioning {

  @PersistenceContext(unitName = "civitas")
  EntityManager em;

  @Inject SiteRepository sites;
  @Inject AuditLog audit;
  @Inject Event<SiteChanged> changed;
  @Inject Event<tw.gov.civitas.core.tenancy.SiteModulesChanged> modulesChanged;
  @Inject MenuService menus;
  @Inject tw.gov.civitas.core.content.ContentEditing content;
  @Inject tw.gov.civitas.core.content.ContentWorkflow workflow;

  /**
   * Creates a site (and its agency, when new). Platform administrators only: a tenant is the
   * digital bureau's decision.
   */
  @Transactional
  public Site create(
      Caller caller,
      String key,
      String agencySlug,
      String nameZh,
      String nameEn,
      String templateId) {
    if (!caller.isPlatformAdmin()) {
      throw new tw.gov.civitas.core.security.AccessDeniedException(
          "Only platform administrators create sites");
    }
    List<FieldError> errors = new ArrayList<>();
    if (key == null || !key.matches("[a-z0-9][a-z0-9-]{0,63}")) {
      errors.add(new FieldError("key", "must be 1-64 lower-case letters, digits or '-'"));
    }
    if (nameZh == null || nameZh.isBlank() || nameZh.length() > 200) {
      errors.add(new FieldError("name.zh-TW", "is required, at most 200 characters"));
    }
    if (nameEn != null && nameEn.length() > 200) {
      errors.add(new FieldError("name.en", "must be at most 200 characters"));
    }
    String agencyKey = agencySlug == null ? key : agencySlug;
    if (agencyKey != null && !agencyKey.matches("[a-z0-9][a-z0-9-]{0,63}")) {
      errors.add(new FieldError("agency", "must be an agency slug"));
    }
    SiteTemplate template =
        SiteTemplates.find(templateId == null ? SiteTemplates.DEFAULT : templateId).orElse(null);
    if (template == null) {
      errors.add(new FieldError("template", "must be one of " + SiteTemplates.all().keySet()));
    }
    if (!errors.isEmpty()) {
      throw new ContentValidationException(errors);
    }
    if (sites.findByKey(key).isPresent()) {
      throw new ConflictException("Site '" + key + "' already exists");
    }
    Agency agency =
        em.createQuery("select a from Agency a where a.slug = :slug", Agency.class)
            .setParameter("slug", agencyKey)
            .getResultStream()
            .findFirst()
            .orElseGet(
                () -> {
                  Agency a =
                      new Agency(agencyKey, nameZh, nameEn == null ? nameZh : nameEn, "other");
                  em.persist(a);
                  return a;
                });
    Site site = new Site(agency, key, nameZh.strip(), nameEn == null ? "" : nameEn.strip());
    em.persist(site);
    audit.record(caller, key, "site.create", "site", key, null, SiteService.describe(site));
    applyTemplate(caller, site, template);
    publishRequiredPages(caller, site);
    publishPages(caller, site, template.pages(), "Page of the site template " + template.id());
    applyMenus(caller, site, template); // last: menu entries may point at the pages
    changed.fire(new SiteChanged(key));
    modulesChanged.fire(
        new tw.gov.civitas.core.tenancy.SiteModulesChanged(
            key, true, java.util.Set.copyOf(site.getEnabledModules()), java.util.Set.of()));
    return site;
  }

  /**
   * Gives a new site its template's theme, language, modules, page-module placement and menus
   * ({@code {site}} → the site's key).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void applyTemplate(Caller caller, Site site, SiteTemplate template) {
    site.configure(
        site.getNameZh(),
        site.getNameEn(),
        template.defaultLanguage(),
        template.theme(),
        site.isRequireDistinctReviewer(),
        template.modules(),
        site.getDomains());
    site.placePageModules(template.pageModules());
    site.arrangePages(template.pageLayouts());
    em.flush();
  }

  /** The template's menus ({@code {site}} → the site's key). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void applyMenus(Caller caller, Site site, SiteTemplate template) {
    template
        .menus()
        .forEach(
            (menuKey, entries) ->
                menus.replace(
                    caller,
                    site.getKey(),
                    menuKey,
                    MenuService.parse(entries.toString().replace("{site}", site.getKey()))));
  }

  /**
   * Every government site's required pages (accessibility, privacy, open data), written and
   * published by whoever creates the site, through the same validation, workflow and audit as a
   * webmaster's pages.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void publishRequiredPages(Caller caller, Site site) {
    publishPages(
        caller, site, SiteTemplates.requiredPages(), "Required page of every government site");
  }

  /**
   * Writes and publishes pages given as data: {@code {"slug", "type" (page), "fields"}}, where a
   * field is either one value or its texts per language ({@code {site}} → the site's name in that
   * language).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void publishPages(
      Caller caller, Site site, List<jakarta.json.JsonObject> pages, String comment) {
    for (jakarta.json.JsonObject page : pages) {
      // {site} is the site's name in the language of each text
      jakarta.json.JsonObjectBuilder named = jakarta.json.Json.createObjectBuilder();
      page.getJsonObject("fields")
          .forEach(
              (field, texts) -> {
                if (!(texts instanceof jakarta.json.JsonObject)) {
                  named.add(field, texts); // one value for both languages, e.g. a parent's slug
                  return;
                }
                jakarta.json.JsonObjectBuilder localized = jakarta.json.Json.createObjectBuilder();
                texts
                    .asJsonObject()
                    .forEach(
                        (lang, text) ->
                            localized.add(
                                lang,
                                ((jakarta.json.JsonString) text)
                                    .getString()
                                    .replace("{site}", site.name(lang))));
                named.add(field, localized);
              });
      content.create(
          caller,
          site.getKey(),
          new tw.gov.civitas.core.content.ContentInput(
              page.getString("type", "page"),
              page.getString("slug"),
              named.build(),
              comment,
              java.util.List.of(),
              tw.gov.civitas.core.content.Change.keep(),
              tw.gov.civitas.core.content.Change.keep()));
      workflow.transition(caller, site.getKey(), page.getString("slug"), "publish", null);
    }
  }
}
