package tw.gov.civitas.delivery.api;

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
import tw.gov.civitas.core.security.AccessDeniedException;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.security.SiteAuthorization;
import tw.gov.civitas.core.tenancy.SiteRepository;
import tw.gov.civitas.security.CallerFactory;
import tw.gov.civitas.security.TokenRefusal;

/**
 * The one gate in front of every API operation. It runs after routing and decides on what the router
 * matched — the resource method, its declared permission ({@link Permissions}) and the {@code {site}}
 * it extracted — never on the request path, so no spelling of a path (matrix parameters, dot
 * segments, percent-encoding, doubled slashes, case) reaches an operation around it. Deny by default:
 * a method that declares no permission is refused. Services check the caller again (the editor calls
 * them without passing through here).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class OperationGate implements ContainerRequestFilter {

  private static final Logger LOG = Logger.getLogger(OperationGate.class.getName());

  @Context ResourceInfo resource;
  @Inject CallerFactory callers;
  @Inject SiteAuthorization authorization;
  @Inject SiteRepository sites;

  @Override
  public void filter(ContainerRequestContext ctx) {
    String permission = Permissions.declared(resource.getResourceMethod());
    if (Permissions.PUBLIC.equals(permission)) {
      return;
    }
    Optional<Caller> caller = callers.current();
    if (caller.isEmpty()) {
      ctx.abortWith(unauthenticated(ctx.getHeaderString("Authorization")));
      return;
    }
    if (permission == null) {
      LOG.warning(() -> "Refused " + resource.getResourceClass() + "#" + resource.getResourceMethod()
          + ": it declares no " + Permissions.EXTENSION);
      throw new AccessDeniedException("This operation declares no permission and is closed to everyone");
    }
    require(caller.get(), permission, ctx.getUriInfo().getPathParameters().getFirst("site"));
  }

  private void require(Caller caller, String permission, String site) {
    if (Permissions.SIGNED_IN.equals(permission)) {
      return;
    }
    if (Permissions.PLATFORM_ADMIN.equals(permission)) {
      if (!caller.isPlatformAdmin()) {
        throw new AccessDeniedException("Only platform administrators may do this");
      }
      return;
    }
    if (site == null) {
      throw new AccessDeniedException("Operation without a site needs '" + Permissions.PLATFORM_ADMIN + "'");
    }
    // Refuse before revealing whether the site exists; then 404 for a site the caller could hold.
    if (!authorization.holds(caller, site, permission)) {
      throw new AccessDeniedException("You do not hold '" + permission + "' on site '" + site + "'");
    }
    sites.require(site);
  }

  /** 401, saying why a token that was sent did not sign the caller in (expired, issuer, audience, signature). */
  static Response unauthenticated(String authorization) {
    String detail = TokenRefusal.explain(authorization, TokenRefusedPage.issuer(), TokenRefusedPage.AUDIENCE,
        Instant.now());
    Response problem = authorization == null
        ? Problems.of(401, "unauthenticated", "Authentication required", detail)
        : Problems.of(401, "invalid-token", "The bearer token was refused", detail);
    String challenge = authorization == null ? "Bearer realm=\"civitas\""
        : "Bearer realm=\"civitas\", error=\"invalid_token\"";
    return Response.fromResponse(problem).header("WWW-Authenticate", challenge).build();
  }
}
