package tw.gov.civitas.runtime.services;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.security.CallerFactory;
import tw.gov.civitas.spi.PlatformRole;
import tw.gov.civitas.spi.SiteRole;
import tw.gov.civitas.spi.runtime.CurrentUser;

/**
 * The SPI's current user: the request's caller (bearer token or the citizen's session), none in a
 * job.
 */
@Dependent
public class RuntimeCurrentUser implements CurrentUser {

  @Inject Instance<CallerFactory> callers;

  /**
   * The core's view of the same person, for the core's services; empty when nobody is signed in.
   */
  public Optional<Caller> caller() {
    if (Actors.system().isPresent()) {
      return Optional.empty();
    }
    try {
      return callers.get().current();
    } catch (ContextNotActiveException | IllegalStateException e) {
      return Optional.empty(); // no request on this thread
    }
  }

  /** Who the audit trail names: the signed-in person, or the module's system user in a job. */
  public Optional<Caller> actor() {
    return Actors.system().or(this::caller);
  }

  @Override
  public boolean signedIn() {
    return caller().isPresent();
  }

  @Override
  public Optional<String> username() {
    return caller().map(Caller::username);
  }

  @Override
  public Optional<String> email() {
    return claim("email");
  }

  @Override
  public Optional<String> displayName() {
    return claim("name");
  }

  private Optional<String> claim(String name) {
    if (caller().isEmpty()) {
      return Optional.empty();
    }
    return callers.get().claim(name);
  }

  @Override
  public Set<PlatformRole> platformRoles() {
    return caller()
        .map(
            c ->
                c.platformRoles().stream()
                    .map(PlatformRole::fromRoleName)
                    .flatMap(Optional::stream)
                    .collect(Collectors.toUnmodifiableSet()))
        .orElse(Set.of());
  }

  @Override
  public Set<SiteRole> rolesOn(String siteKey) {
    return caller().map(c -> c.rolesOn(siteKey)).orElse(Set.of());
  }
}
