package tw.gov.civitas.core.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import tw.gov.civitas.core.module.ModuleRegistrationException;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.spi.PermissionDescriptor;
import tw.gov.civitas.spi.PlatformRole;
import tw.gov.civitas.spi.SiteRole;

/**
 * The one place that decides whether a caller holds a permission on a site. Roles map to
 * permissions through what modules registered; platform administrators hold every permission.
 */
@ApplicationScoped
public class SiteAuthorization {

  @Inject Platform platform;

  public boolean holds(Caller caller, String siteKey, String permission) {
    PermissionDescriptor descriptor = permissions().get(permission);
    if (descriptor == null) {
      // A typo in a permission id must fail loudly, not silently deny or allow.
      throw new ModuleRegistrationException(
          "Unknown permission '" + permission + "': no module registered it");
    }
    if (caller.isPlatformAdmin()) {
      return true;
    }
    for (SiteRole role : caller.rolesOn(siteKey)) {
      if (descriptor.grantedTo().contains(role)) {
        return true;
      }
    }
    // Platform roles hold what is granted to them on every site (the digital bureau reviews all
    // agencies).
    return caller.platformRoles().stream()
        .map(PlatformRole::fromRoleName)
        .flatMap(java.util.Optional::stream)
        .anyMatch(descriptor.grantedToPlatformRoles()::contains);
  }

  /**
   * @throws AccessDeniedException when the caller does not hold the permission on that site
   */
  public void require(Caller caller, String siteKey, String permission) {
    if (!holds(caller, siteKey, permission)) {
      throw new AccessDeniedException(
          "You do not hold '" + permission + "' on site '" + siteKey + "'");
    }
  }

  private Map<String, PermissionDescriptor> permissions() {
    return platform.registry().permissions();
  }
}
