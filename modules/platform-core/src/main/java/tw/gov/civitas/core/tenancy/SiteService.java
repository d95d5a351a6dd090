package tw.gov.civitas.core.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import tw.gov.civitas.core.audit.AuditLog;
import tw.gov.civitas.core.error.ConflictException;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.error.FieldError;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.security.SiteAuthorization;

/** Site settings: names, languages, theme, workflow rule, enabled modules, domains. */
@ApplicationScoped
public class SiteService {

  private static final Pattern HOST =
      Pattern.compile(
          "(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

  @Inject SiteRepository sites;
  @Inject SiteAuthorization authorization;
  @Inject AuditLog audit;
  @Inject Platform platform;
  @Inject Event<SiteChanged> changed;
  @Inject Event<SiteModulesChanged> modulesChanged;

  /** Fired after a site's settings changed (caches and host routing drop what they knew). */
  public record SiteChanged(String siteKey) {}

  /** A site's settings, for the people who work on it. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Site settings(Caller caller, String siteKey) {
    Site site = sites.require(siteKey);
    authorization.require(caller, siteKey, CoreModule.CONTENT_EDIT);
    return site;
  }

  @Transactional
  public Site configure(Caller caller, String siteKey, SiteSettings s) {
    Site site = sites.require(siteKey);
    authorization.require(caller, siteKey, CoreModule.SITE_MANAGE);
    List<FieldError> errors = new ArrayList<>();
    String nameZh = s.nameZh() != null ? s.nameZh().strip() : site.getNameZh();
    String nameEn = s.nameEn() != null ? s.nameEn().strip() : site.getNameEn();
    if (nameZh.isEmpty() || nameZh.length() > 200) {
      errors.add(new FieldError("name.zh-TW", "is required, at most 200 characters"));
    }
    if (nameEn.length() > 200) {
      errors.add(new FieldError("name.en", "must be at most 200 characters"));
    }
    String lang = s.defaultLanguage() != null ? s.defaultLanguage() : site.getDefaultLanguage();
    if (!Site.LANGUAGES.contains(lang)) {
      errors.add(new FieldError("defaultLanguage", "must be one of " + Site.LANGUAGES));
    }
    String theme = s.theme() != null ? s.theme() : site.getTheme();
    if (!theme.matches("[a-z0-9-]{1,64}")
        || SiteService.class.getClassLoader().getResource("themes/" + theme + "/theme.properties")
            == null) {
      errors.add(new FieldError("theme", "is not an installed theme"));
    }
    List<String> modules =
        s.enabledModules() != null ? s.enabledModules() : site.getEnabledModules();
    for (int i = 0; i < modules.size(); i++) {
      String id = modules.get(i);
      boolean known =
          platform.registry().registrations().stream().anyMatch(r -> r.module().id().equals(id));
      if (!known || CoreModule.ID.equals(id)) {
        errors.add(
            new FieldError("enabledModules[" + i + "]", "is not an installed plug-in module"));
      }
    }
    java.util.Map<String, List<String>> placed =
        s.pageModules() != null ? s.pageModules() : site.getPageModules();
    placed.forEach(
        (region, ids) -> {
          if (tw.gov.civitas.spi.PageRegion.byKey(region).isEmpty()) {
            errors.add(
                new FieldError(
                    "pageModules." + region,
                    "is not a page region; regions are "
                        + java.util.Arrays.stream(tw.gov.civitas.spi.PageRegion.values())
                            .map(r -> r.key())
                            .toList()));
            return;
          }
          for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            var pageModule =
                id == null
                    ? java.util.Optional.<tw.gov.civitas.spi.PageModuleDescriptor>empty()
                    : platform.registry().pageModule(id);
            if (pageModule.isEmpty()) {
              errors.add(
                  new FieldError(
                      "pageModules." + region + "[" + i + "]", "is not an installed page module"));
            } else if (!platform.registry().enabledOn(modules, pageModule.get().moduleId())) {
              errors.add(
                  new FieldError(
                      "pageModules." + region + "[" + i + "]",
                      "belongs to module '"
                          + pageModule.get().moduleId()
                          + "', which the site does not enable"));
            } else if (ids.indexOf(id) != i) {
              errors.add(
                  new FieldError(
                      "pageModules." + region + "[" + i + "]", "is placed twice in this region"));
            }
          }
        });
    jakarta.json.JsonObject layouts =
        PageLayouts.check(
            s.pageLayouts() != null ? s.pageLayouts() : site.getPageLayouts(),
            platform.registry(),
            modules,
            errors);
    jakarta.json.JsonObject openData =
        s.openData() != null
            ? OpenDataSettings.check(
                s.openData(), OpenDataSettings.typesOf(platform.registry(), modules), errors)
            : OpenDataSettings.current(
                site.getOpenData(), OpenDataSettings.typesOf(platform.registry(), modules));
    List<String> domains = new ArrayList<>();
    List<String> requested = s.domains() != null ? s.domains() : List.copyOf(site.getDomains());
    for (int i = 0; i < requested.size(); i++) {
      String d = requested.get(i) == null ? "" : requested.get(i).toLowerCase(Locale.ROOT).strip();
      if (!HOST.matcher(d).matches()) {
        errors.add(
            new FieldError(
                "domains[" + i + "]", "must be a host name such as traffic.taichung.gov.tw"));
      } else {
        domains.add(d);
      }
    }
    if (!errors.isEmpty()) {
      throw new ContentValidationException(errors);
    }
    for (String d : domains) {
      sites
          .findByDomain(d)
          .filter(other -> !Objects.equals(other.getId(), site.getId()))
          .ifPresent(
              other -> {
                throw new ConflictException(
                    "Domain '" + d + "' already belongs to site '" + other.getKey() + "'");
              });
    }
    String before = describe(site);
    java.util.Set<String> enabledBefore = java.util.Set.copyOf(site.getEnabledModules());
    site.configure(
        nameZh,
        nameEn,
        lang,
        theme,
        s.requireDistinctReviewer() != null
            ? s.requireDistinctReviewer()
            : site.isRequireDistinctReviewer(),
        modules,
        domains);
    site.placePageModules(placed);
    site.arrangePages(layouts);
    site.publishOpenData(openData);
    audit.record(caller, siteKey, "site.configure", "site", siteKey, before, describe(site));
    changed.fire(new SiteChanged(siteKey));
    java.util.Set<String> enabledAfter = java.util.Set.copyOf(site.getEnabledModules());
    if (!enabledAfter.equals(enabledBefore)) {
      modulesChanged.fire(
          new SiteModulesChanged(
              siteKey,
              false,
              enabledAfter.stream()
                  .filter(m -> !enabledBefore.contains(m))
                  .collect(java.util.stream.Collectors.toSet()),
              enabledBefore.stream()
                  .filter(m -> !enabledAfter.contains(m))
                  .collect(java.util.stream.Collectors.toSet())));
    }
    return site;
  }

  public static String describe(Site s) {
    return settingsJson(s).toString();
  }

  /** A site's settings as the management API and the audit trail show them. */
  public static jakarta.json.JsonObject settingsJson(Site s) {
    return Json.createObjectBuilder()
        .add("key", s.getKey())
        .add(
            "name", Json.createObjectBuilder().add("zh-TW", s.getNameZh()).add("en", s.getNameEn()))
        .add("defaultLanguage", s.getDefaultLanguage())
        .add("theme", s.getTheme())
        .add("requireDistinctReviewer", s.isRequireDistinctReviewer())
        .add("enabledModules", Json.createArrayBuilder(s.getEnabledModules()))
        .add("domains", Json.createArrayBuilder(s.getDomains().stream().sorted().toList()))
        .add("pageModules", pageModulesJson(s))
        .add("pageLayouts", s.getPageLayouts())
        .add("openData", s.getOpenData())
        .build();
  }

  private static jakarta.json.JsonObject pageModulesJson(Site s) {
    jakarta.json.JsonObjectBuilder b = Json.createObjectBuilder();
    s.getPageModules().forEach((region, ids) -> b.add(region, Json.createArrayBuilder(ids)));
    return b.build();
  }
}
