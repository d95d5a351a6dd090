package tw.gov.civitas.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.OidcPrincipal;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.spi.SiteRole;

/**
 * Turns the token that WildFly's OIDC client already verified into a {@link Caller}.
 *
 * <p>Per-site roles come from Keycloak group paths in the {@code groups} claim: {@code
 * /agencies/<site>/<role>} (see docs/adr/0001-roles-as-keycloak-groups.md). Platform roles come
 * from realm roles.
 */
@RequestScoped
public class CallerFactory {

  private static final Set<String> PLATFORM_ROLES =
      Set.of(Caller.PLATFORM_ADMIN, Caller.DIGITAL_REVIEWER, Caller.CITIZEN);

  @Inject HttpServletRequest request;

  /** The authenticated caller, or empty for an anonymous request. */
  public Optional<Caller> current() {
    Principal principal = request.getUserPrincipal();
    if (!(principal instanceof OidcPrincipal<?> oidc) || oidc.getOidcSecurityContext() == null) {
      return Optional.empty();
    }
    AccessToken token = oidc.getOidcSecurityContext().getToken();
    Set<String> platformRoles = new HashSet<>();
    if (token.getRealmAccessClaim() != null && token.getRealmAccessClaim().getRoles() != null) {
      for (String role : token.getRealmAccessClaim().getRoles()) {
        if (PLATFORM_ROLES.contains(role)) {
          platformRoles.add(role);
        }
      }
    }
    String username =
        token.getPreferredUsername() != null ? token.getPreferredUsername() : principal.getName();
    return Optional.of(
        new Caller(username, platformRoles, siteRoles(groups(token)), request.getRemoteAddr()));
  }

  /**
   * A string claim of the caller's token ({@code email}, {@code name}), if signed in and present.
   */
  public Optional<String> claim(String name) {
    Principal principal = request.getUserPrincipal();
    if (!(principal instanceof OidcPrincipal<?> oidc) || oidc.getOidcSecurityContext() == null) {
      return Optional.empty();
    }
    AccessToken token = oidc.getOidcSecurityContext().getToken();
    return token.hasClaim(name)
        ? Optional.ofNullable(token.getClaimValueAsString(name))
        : Optional.empty();
  }

  private static List<String> groups(AccessToken token) {
    if (!token.hasClaim("groups")) {
      return List.of();
    }
    List<String> groups = token.getStringListClaimValue("groups");
    return groups == null ? List.of() : groups;
  }

  /**
   * {@code /agencies/transportation/site-admin} gives {@code SITE_ADMIN} on {@code transportation}.
   */
  public static Map<String, Set<SiteRole>> siteRoles(List<String> groups) {
    Map<String, Set<SiteRole>> roles = new HashMap<>();
    for (String group : groups) {
      String[] parts = group.split("/");
      // "", "agencies", site, role
      if (parts.length == 4 && parts[0].isEmpty() && parts[1].equals("agencies")) {
        SiteRole.fromGroupName(parts[3])
            .ifPresent(
                role ->
                    roles.computeIfAbsent(parts[2], k -> EnumSet.noneOf(SiteRole.class)).add(role));
      }
    }
    return roles;
  }
}
