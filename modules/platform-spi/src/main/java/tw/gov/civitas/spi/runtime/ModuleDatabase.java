package tw.gov.civitas.spi.runtime;

import javax.sql.DataSource;

/**
 * The platform's database, for a module's own tables (created by its own migrations, registered
 * with {@link tw.gov.civitas.spi.ModuleRegistrar#migrations}). Connections join the current JTA
 * transaction, so a module's rows commit or roll back with the platform's audit record. A module
 * never reads or writes the core's tables: it uses the other services for that.
 */
public interface ModuleDatabase {

  DataSource dataSource();
}
