package tw.gov.civitas.core.schema;

import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import tw.gov.civitas.core.module.ModuleRegistry;

/**
 * Applies every module's Flyway migrations in module dependency order. Each module has its own
 * history table ({@code schema_history_<module>}), so modules evolve their schema independently.
 */
public final class SchemaMigrator {

  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

  private SchemaMigrator() {}

  public static void migrate(DataSource dataSource, ModuleRegistry registry) {
    for (ModuleRegistry.Registration r : registry.registrations()) {
      if (r.migrationLocations().isEmpty()) {
        continue;
      }
      String moduleId = r.module().id();
      Flyway flyway =
          Flyway.configure(r.module().getClass().getClassLoader())
              .dataSource(dataSource)
              .locations(
                  r.migrationLocations().stream().map(l -> "classpath:" + l).toArray(String[]::new))
              .table("schema_history_" + moduleId.replace('-', '_'))
              // Module tables share one schema; a later module's history starts on a non-empty
              // schema.
              .baselineOnMigrate(true)
              .baselineVersion("0")
              .validateMigrationNaming(true)
              .load();
      MigrateResult result = flyway.migrate();
      LOG.info(
          () ->
              "Schema of module '"
                  + moduleId
                  + "': "
                  + result.migrationsExecuted
                  + " migration(s) applied, now at "
                  + (result.targetSchemaVersion == null
                      ? result.initialSchemaVersion
                      : result.targetSchemaVersion));
    }
  }
}
