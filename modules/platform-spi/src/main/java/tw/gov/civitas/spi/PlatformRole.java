package tw.gov.civitas.spi;

import java.util.Locale;
import java.util.Optional;

/**
 * Roles held across the whole platform rather than on one site (Keycloak realm roles). A module can
 * grant its permissions to them, e.g. the digital bureau's reviewers of every agency's app
 * proposals.
 */
public enum PlatformRole {
  /** Runs the platform: every permission on every site. */
  PLATFORM_ADMIN,
  /**
   * The digital bureau's reviewer: holds what modules grant to bureau-wide review, on every site.
   */
  DIGITAL_REVIEWER,
  /**
   * A signed-in resident: holds what modules grant to citizens (submitting a form, booking a
   * venue).
   */
  CITIZEN;

  /** The realm role's name: {@code platform-admin}, {@code digital-reviewer}, {@code citizen}. */
  public String roleName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<PlatformRole> fromRoleName(String name) {
    for (PlatformRole role : values()) {
      if (role.roleName().equals(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
