package tw.gov.civitas.spi.runtime;

import java.util.Optional;
import java.util.Set;
import tw.gov.civitas.spi.PlatformRole;
import tw.gov.civitas.spi.SiteRole;

/**
 * Who is making the current request: a staff member with a bearer token (the API), a signed-in
 * citizen (the one Keycloak session of the public sites and {@code /account}), or nobody. Inject it
 * into request-handling beans; in a scheduled job there is no user ({@link #signedIn()} is false).
 */
public interface CurrentUser {

  /** Whether anyone is signed in. */
  boolean signedIn();

  /** The user's stable name in the city's identity provider; empty when nobody is signed in. */
  Optional<String> username();

  /** The e-mail address the identity provider holds for the user, if any. */
  Optional<String> email();

  /** The user's display name, if the identity provider holds one. */
  Optional<String> displayName();

  /** Roles held across the platform. */
  Set<PlatformRole> platformRoles();

  /** Roles held on one site. */
  Set<SiteRole> rolesOn(String siteKey);

  /** Whether the user is a signed-in citizen (a resident using the public services). */
  default boolean citizen() {
    return platformRoles().contains(PlatformRole.CITIZEN);
  }
}
