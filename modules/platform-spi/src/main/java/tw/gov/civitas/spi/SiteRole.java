package tw.gov.civitas.spi;

import java.util.Locale;

/**
 * The roles a person can hold on one site. Platform-wide roles (platform administrator, digital
 * bureau reviewer, citizen) are not per-site and live in the security module.
 */
public enum SiteRole {
  /**
   * Runs the agency's site: settings, menus, who holds which role, and everything an editor does.
   */
  SITE_ADMIN,
  /** Writes and publishes content. */
  REVIEWER,
  /** Writes drafts and submits them for review. */
  EDITOR;

  /**
   * The name used in Keycloak group paths: {@code site-admin}, {@code reviewer}, {@code editor}.
   */
  public String groupName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static java.util.Optional<SiteRole> fromGroupName(String name) {
    for (SiteRole role : values()) {
      if (role.groupName().equals(name)) {
        return java.util.Optional.of(role);
      }
    }
    return java.util.Optional.empty();
  }
}
