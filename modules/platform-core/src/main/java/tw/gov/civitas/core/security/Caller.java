package tw.gov.civitas.core.security;

import java.util.Map;
import java.util.Set;
import tw.gov.civitas.spi.SiteRole;

/**
 * Who is making a request, as established by the identity provider: never built from anything the
 * client sent unsigned.
 *
 * @param username the Keycloak username ({@code preferred_username})
 * @param platformRoles platform-wide roles ({@link #PLATFORM_ADMIN}, {@link #DIGITAL_REVIEWER},
 *     {@link #CITIZEN})
 * @param siteRoles per-site roles, by site key
 * @param clientAddress where the request came from, for the audit trail
 */
public record Caller(
    String username,
    Set<String> platformRoles,
    Map<String, Set<SiteRole>> siteRoles,
    String clientAddress) {

  public static final String PLATFORM_ADMIN = "platform-admin";
  public static final String DIGITAL_REVIEWER = "digital-reviewer";
  public static final String CITIZEN = "citizen";

  public Caller {
    platformRoles = Set.copyOf(platformRoles);
    siteRoles = Map.copyOf(siteRoles);
  }

  public boolean isPlatformAdmin() {
    return platformRoles.contains(PLATFORM_ADMIN);
  }

  public Set<SiteRole> rolesOn(String siteKey) {
    return siteKey == null ? Set.of() : siteRoles.getOrDefault(siteKey, Set.of());
  }
}
