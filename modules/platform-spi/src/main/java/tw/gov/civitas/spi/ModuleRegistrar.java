package tw.gov.civitas.spi;

/** What a {@link PlatformModule} may declare during {@link PlatformModule#register}. */
public interface ModuleRegistrar {

  /** A permission the module checks; its id must start with the module id and a dot. */
  ModuleRegistrar permission(PermissionDescriptor permission);

  /** A content type the module adds to every site that enables it. */
  ModuleRegistrar contentType(ContentTypeDescriptor contentType);

  /**
   * A classpath folder of Flyway SQL migrations owned by this module (e.g. {@code db/migration/booking}).
   * Each module keeps its own history table, so modules version their schema independently.
   */
  ModuleRegistrar migrations(String classpathLocation);
}
