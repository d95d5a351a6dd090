package tw.gov.civitas.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.core.security.AccessDeniedException;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.security.SiteAuthorization;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;
import tw.gov.civitas.security.CallerFactory;
import tw.gov.civitas.security.TokenRefusal;
import tw.gov.civitas.web.http.Problems;

/**
 * The one gate in front of every API operation. It runs after routing and decides on what the
 * router matched — the resource method, its declared permission ({@link Permissions}) and the
 * {@code {site}} it extracted — never on the request path, so no spelling of a path (matrix
 * parameters, dot segments, percent-encoding, doubled slashes, case) reaches an operation around
 * it. Deny by default: a method that declares no permission is refused. Services check the caller
 * again (the editor calls them without passing through here).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class OperationGate implements ContainerRequestFilter {

  private static final Logger LOG = Logger.getLogger(OperationGate.class.getName());

  @Context ResourceInfo resource;
  @Inject CallerFactory callers;
  @Inject SiteAuthorization authorization;
  @Inject SiteRepository sites;

  @Inject Platform platform;

  @Override
  public void filter(ContainerRequestContext ctx) {
    String permission = Permissions.declared(resource.getResourceMethod());
    String site = ctx.getUriInfo().getPathParameters().getFirst("site");
    Optional<String> module =
        platform.registry().moduleOfResource(userClass(resource.getResourceClass()));
    if (module.isEmpty() && !isPlatformOwn(userClass(resource.getResourceClass()))) {
      // An operation no module registered (a stray @Path class in some jar): closed, like an
      // undeclared permission.
      LOG.warning(
          () -> "Refused " + resource.getResourceClass().getName() + ": no module registered it");
      throw new AccessDeniedException(
          "This operation belongs to no installed module and is closed to everyone");
    }
    if (Permissions.PUBLIC.equals(permission)) {
      requireEnabled(module, site);
      return;
    }
    Optional<Caller> caller = callers.current();
    if (caller.isEmpty()) {
      ctx.abortWith(unauthenticated(ctx.getHeaderString("Authorization")));
      return;
    }
    if (permission == null) {
      LOG.warning(
          () ->
              "Refused "
                  + resource.getResourceClass()
                  + "#"
                  + resource.getResourceMethod()
                  + ": it declares no "
                  + Permissions.EXTENSION);
      throw new AccessDeniedException(
          "This operation declares no permission and is closed to everyone");
    }
    require(caller.get(), permission, site);
    requireEnabled(module, site);
  }

  /**
   * The public WAR's own resources: the delivery API's and the management API's (plug-ins' are
   * registered).
   */
  private static boolean isPlatformOwn(Class<?> resourceClass) {
    String p = resourceClass.getPackageName();
    return p.equals("tw.gov.civitas.delivery")
        || p.startsWith("tw.gov.civitas.delivery.")
        || p.equals("tw.gov.civitas.manage")
        || p.startsWith("tw.gov.civitas.manage.");
  }

  /**
   * A plug-in's operations exist only on the sites that enable it: elsewhere they are 404, like a
   * missing page.
   */
  private void requireEnabled(Optional<String> module, String site) {
    if (module.isEmpty() || site == null) {
      return;
    }
    Site s = sites.require(site);
    if (!platform.registry().enabledOn(s.getEnabledModules(), module.get())) {
      throw new tw.gov.civitas.core.error.NotFoundException(
          "Site '" + site + "' does not offer this service");
    }
  }

  /** The class as written, not the CDI proxy a scoped bean is served through. */
  private static Class<?> userClass(Class<?> c) {
    Class<?> k = c;
    while (k != null && k.getName().contains("$Proxy$_$$_Weld")) {
      k = k.getSuperclass();
    }
    return k == null ? c : k;
  }

  private void require(Caller caller, String permission, String site) {
    if (Permissions.SIGNED_IN.equals(permission)) {
      return;
    }
    if (Permissions.CITIZEN.equals(permission)) {
      if (!caller.platformRoles().contains(Caller.CITIZEN)) {
        throw new AccessDeniedException("Only signed-in citizens may do this");
      }
      return;
    }
    if (Permissions.PLATFORM_ADMIN.equals(permission)) {
      if (!caller.isPlatformAdmin()) {
        throw new AccessDeniedException("Only platform administrators may do this");
      }
      return;
    }
    if (site == null) {
      // A platform-level operation: held through a platform role the permission is granted to.
      if (!authorization.holds(caller, null, permission)) {
        throw new AccessDeniedException("You do not hold '" + permission + "'");
      }
      return;
    }
    // Refuse before revealing whether the site exists; then 404 for a site the caller could hold.
    if (!authorization.holds(caller, site, permission)) {
      throw new AccessDeniedException(
          "You do not hold '" + permission + "' on site '" + site + "'");
    }
    sites.require(site);
  }

  /**
   * 401, saying why a token that was sent did not sign the caller in (expired, issuer, audience,
   * signature).
   */
  static Response unauthenticated(String authorization) {
    String detail =
        TokenRefusal.explain(
            authorization, TokenRefusedPage.issuer(), TokenRefusedPage.AUDIENCE, Instant.now());
    Response problem =
        authorization == null
            ? Problems.of(401, "unauthenticated", "Authentication required", detail)
            : Problems.of(401, "invalid-token", "The bearer token was refused", detail);
    String challenge =
        authorization == null
            ? "Bearer realm=\"civitas\""
            : "Bearer realm=\"civitas\", error=\"invalid_token\"";
    return Response.fromResponse(problem).header("WWW-Authenticate", challenge).build();
  }
}
