package tw.gov.civitas.core.startup;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import tw.gov.civitas.core.module.ModuleRegistry;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.core.provisioning.DemoTenants;
import tw.gov.civitas.core.schema.SchemaMigrator;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;
import tw.gov.civitas.spi.ContentTypeDescriptor;
import tw.gov.civitas.spi.ModuleContext;

/**
 * Brings the platform up once per deployment: modules register, the schema is migrated, demo
 * tenants are seeded when asked ({@code civitas.demo-data=true}), then modules bootstrap.
 */
@ApplicationScoped
public class PlatformStartup {

  private static final Logger LOG = Logger.getLogger(PlatformStartup.class.getName());

  @Resource(lookup = "java:jboss/datasources/CivitasDS")
  DataSource dataSource;

  @Inject Platform platform;
  @Inject DemoTenants demoTenants;
  @Inject SiteRepository sites;

  public void start() {
    ModuleRegistry registry = platform.registry();
    LOG.info(
        () -> "Modules: " + registry.registrations().stream().map(r -> r.module().id()).toList());
    SchemaMigrator.migrate(dataSource, registry);
    boolean demo = Boolean.parseBoolean(System.getProperty("civitas.demo-data", "false"));
    if (demo) {
      int created = demoTenants.seedIfEmpty();
      if (created > 0) {
        LOG.info(() -> "Seeded " + created + " demo agency sites");
      }
    }
    for (ModuleRegistry.Registration r : registry.registrations()) {
      String moduleId = r.module().id();
      r.module()
          .bootstrap(
              new ModuleContext() {
                @Override
                public List<String> siteKeys() {
                  return sites.findAll().stream().map(Site::getKey).sorted().toList();
                }

                @Override
                public List<String> sitesEnablingThisModule() {
                  return sites.findAll().stream()
                      .filter(s -> registry.enabledOn(s.getEnabledModules(), moduleId))
                      .map(Site::getKey)
                      .sorted()
                      .toList();
                }

                @Override
                public boolean demoData() {
                  return demo;
                }

                @Override
                public Optional<ContentTypeDescriptor> contentType(String id) {
                  return registry.contentType(id);
                }
              });
    }
  }
}
