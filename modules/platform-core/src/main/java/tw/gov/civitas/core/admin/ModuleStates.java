package tw.gov.civitas.core.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import tw.gov.civitas.core.module.ModuleRegistry;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.core.security.AccessDeniedException;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;

/**
 * The module registry as platform administrators see it (above modules, tenancy and security, so
 * that none of them needs the others): each installed module, where it is on, the schema its
 * migrations brought, and what it contributes.
 */
@ApplicationScoped
public class ModuleStates {

  /**
   * One installed module. It is running: a module whose registration, migrations or bootstrap fail
   * stops the deployment, so an installed module listed here has started.
   *
   * @param sitesEnabling the sites it is on (every site for a module not enabled per site)
   * @param schemaVersion the latest migration applied to its tables, null when it has none
   * @param failedMigrations migrations recorded as failed in its history (0 on a healthy node)
   */
  public record ModuleState(
      String id,
      boolean enabledPerSite,
      List<String> dependsOn,
      List<String> sitesEnabling,
      int siteCount,
      String schemaVersion,
      int migrations,
      int failedMigrations,
      List<String> permissions,
      List<String> contentTypes,
      List<String> jobs,
      List<String> pageModules,
      List<String> editorPages,
      List<String> citizenForms) {}

  @PersistenceContext(unitName = "civitas")
  EntityManager em;

  @Inject Platform platform;
  @Inject SiteRepository sites;

  @Transactional
  public List<ModuleState> all(Caller caller) {
    if (!caller.isPlatformAdmin()) {
      throw new AccessDeniedException("Only platform administrators see the module registry");
    }
    ModuleRegistry registry = platform.registry();
    List<Site> all = sites.findAll();
    return registry.registrations().stream()
        .map(
            r -> {
              String id = r.module().id();
              List<String> on =
                  all.stream()
                      .filter(s -> registry.enabledOn(s.getEnabledModules(), id))
                      .map(Site::getKey)
                      .toList();
              Object[] history = r.migrationLocations().isEmpty() ? null : history(id);
              return new ModuleState(
                  id,
                  r.module().enabledPerSite(),
                  r.module().dependsOn().stream().sorted().toList(),
                  on,
                  all.size(),
                  history == null ? null : (String) history[0],
                  history == null ? 0 : ((Number) history[1]).intValue(),
                  history == null ? 0 : ((Number) history[2]).intValue(),
                  r.permissions().stream().map(p -> p.id()).sorted().toList(),
                  r.contentTypes().stream().map(t -> t.id()).toList(),
                  r.jobs().stream().map(j -> j.id()).toList(),
                  r.pageModules().stream().map(p -> p.id()).toList(),
                  r.editorPages().stream().map(p -> p.id()).toList(),
                  r.citizenForms().stream().map(f -> f.id()).toList());
            })
        .toList();
  }

  /**
   * The module's Flyway history (SchemaMigrator keeps one table per module): latest, count, failed.
   */
  private Object[] history(String moduleId) {
    String table = "schema_history_" + moduleId.replace('-', '_');
    if (!table.matches("[a-z0-9_]+")) {
      return null;
    }
    Number exists =
        (Number)
            em.createNativeQuery(
                    "select count(*) from information_schema.tables where table_name = ?1")
                .setParameter(1, table)
                .getSingleResult();
    if (exists.intValue() == 0) {
      return null;
    }
    // the table name is the module id's, checked above: not caller input
    return (Object[])
        em.createNativeQuery(
                "select (select version from "
                    + table
                    + " where success and version is not null order by installed_rank desc limit 1),"
                    + " count(*) filter (where success), count(*) filter (where not success) from "
                    + table)
            .getSingleResult();
  }
}
