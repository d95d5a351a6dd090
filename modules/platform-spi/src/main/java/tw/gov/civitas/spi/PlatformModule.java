package tw.gov.civitas.spi;

import java.util.Set;

/**
 * A capability plugged into Civitas (venue booking, e-counter, the app registry, and the core
 * itself).
 *
 * <p>Implementations are discovered with {@link java.util.ServiceLoader} from {@code
 * META-INF/services/tw.gov.civitas.spi.PlatformModule}. One instance exists per server; the
 * platform calls {@link #register} once at deployment, before the database schema exists, and then
 * {@link #bootstrap} once after every module's migrations ran and the tenants are known. A module
 * sees the rest of the platform only through the objects handed to these two methods.
 */
public interface PlatformModule {

  /**
   * Stable, namespaced id ({@code core}, {@code booking}, {@code ecounter}). Never renamed: it
   * prefixes the module's permissions, content types and migration history.
   */
  String id();

  /** Ids of the modules that must be registered and bootstrapped before this one. */
  default Set<String> dependsOn() {
    return Set.of();
  }

  /**
   * Whether each site chooses to enable the module (its {@code enabledModules} setting, seeded by
   * its site template). A plug-in is; its content types, endpoints and pages exist only on the
   * sites that enable it. The platform's own modules exist everywhere.
   */
  default boolean enabledPerSite() {
    return true;
  }

  /**
   * Declares what the module brings: permissions, content types, migrations, REST resources, jobs.
   * Runs before the database is ready, so it must not touch it.
   */
  void register(ModuleRegistrar registrar);

  /** Runs after the schema is migrated and the sites are loaded, in dependency order. */
  default void bootstrap(ModuleContext context) {}
}
