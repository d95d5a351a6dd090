package tw.gov.civitas.spi;

import tw.gov.civitas.spi.job.JobDescriptor;

/**
 * What a {@link PlatformModule} may declare during {@link PlatformModule#register}. Everything is
 * checked when the deployment starts; an inconsistency (a duplicate id, an id outside the module's
 * namespace, an operation without a permission, a permission used but never declared) fails the
 * deployment with a message naming the module.
 */
public interface ModuleRegistrar {

  /** A permission the module checks; its id must start with the module id and a dot. */
  ModuleRegistrar permission(PermissionDescriptor permission);

  /** A content type the module adds to every site that enables it. */
  ModuleRegistrar contentType(ContentTypeDescriptor contentType);

  /**
   * A classpath folder of Flyway SQL migrations owned by this module (e.g. {@code
   * db/migration/booking}). Each module keeps its own history table, so modules version their
   * schema independently.
   */
  ModuleRegistrar migrations(String classpathLocation);

  /**
   * A JAX-RS resource class of the module (a CDI bean: give it {@code @RequestScoped} or
   * {@code @ApplicationScoped}). Its {@code @Path} must start with {@code sites/{site}/<module>}
   * (public, per site), {@code manage/sites/{site}/<module>} (management, per site) or {@code
   * manage/<module>} (platform level); every resource method declares a {@link
   * tw.gov.civitas.spi.web.Permission}. The platform serves it under {@code /api/v1} behind its
   * gate, rate and size limits and problem+json errors, answers 404 on sites that do not enable the
   * module, and lists it in {@code /openapi}.
   */
  ModuleRegistrar resource(Class<?> resourceClass);

  /** A job the platform runs on its schedule, once per cluster. */
  ModuleRegistrar job(JobDescriptor job);

  /**
   * An event type the module publishes through {@link tw.gov.civitas.spi.event.ModuleEvents}, which
   * a site's webhooks may subscribe to: namespaced by the module, at most 32 characters (e.g.
   * {@code booking.booking-confirmed}).
   */
  ModuleRegistrar eventType(String type);

  /**
   * A page of the editor, described as data and linked from its slot for the users who hold its
   * permission (on sites that enable the module, for a site's page).
   */
  ModuleRegistrar editorPage(EditorPageDescriptor page);

  /** A region of the public pages the module fills, on the sites that enable it. */
  ModuleRegistrar pageModule(PageModuleDescriptor pageModule);

  /** A form signed-in citizens fill, on the sites that enable the module. */
  ModuleRegistrar citizenForm(CitizenFormDescriptor form);

  /**
   * A public page of the module's own, at {@code /sites/<site>/online/<module>/<name>[/<argument>]}
   * on the sites that enable it, inside the site's theme.
   */
  ModuleRegistrar publicPage(PublicPageDescriptor page);
}
