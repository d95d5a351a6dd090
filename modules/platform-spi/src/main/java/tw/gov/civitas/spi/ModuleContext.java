package tw.gov.civitas.spi;

import java.util.List;
import java.util.Optional;

/**
 * What a module sees of the platform in {@link PlatformModule#bootstrap}. At run time a module's
 * beans inject the services of {@code tw.gov.civitas.spi.runtime} instead (the current user,
 * authorization, audit, mail, clock, sites, published content, its database).
 */
public interface ModuleContext {

  /** Keys of every site on the platform, in key order. */
  List<String> siteKeys();

  /** Keys of the sites that enable this module, in key order. */
  List<String> sitesEnablingThisModule();

  /** The registered content type with that id, if any. */
  Optional<ContentTypeDescriptor> contentType(String id);

  /**
   * Whether this server seeds demonstration data on an empty database ({@code civitas.demo-data},
   * never in production): a module then adds its own, clearly marked as such, to the sites enabling
   * it.
   */
  default boolean demoData() {
    return false;
  }
}
