package tw.gov.civitas.delivery.manage;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import tw.gov.civitas.core.security.AccessDeniedException;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.security.SiteAuthorization;
import tw.gov.civitas.core.tenancy.SiteRepository;
import tw.gov.civitas.security.CallerFactory;

/**
 * The one gate in front of every management operation (every path under {@code /api/v1/manage}): the caller must hold the operation's
 * permission on the site named in the path, checked before the request body is even read. An
 * operation that declares no permission is refused (deny by default). Services check again:
 * the editor calls them without passing through here.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class PermissionFilter implements ContainerRequestFilter {

  @Context ResourceInfo resource;
  @Inject CallerFactory callers;
  @Inject SiteAuthorization authorization;
  @Inject SiteRepository sites;

  @Override
  public void filter(ContainerRequestContext ctx) {
    if (!AuthenticationFilter.isManagement(ctx)) {
      return; // public delivery
    }
    Caller caller = callers.current().orElseThrow(IllegalStateException::new); // AuthenticationFilter ran first
    String permission = required(resource.getResourceMethod());
    if (permission == null) {
      throw new AccessDeniedException("This operation declares no permission and is closed to everyone");
    }
    if (Permissions.SIGNED_IN.equals(permission)) {
      return;
    }
    String site = ctx.getUriInfo().getPathParameters().getFirst("site");
    if (Permissions.PLATFORM_ADMIN.equals(permission)) {
      if (!caller.isPlatformAdmin()) {
        throw new AccessDeniedException("Only platform administrators may do this");
      }
      return;
    }
    if (site == null) {
      throw new AccessDeniedException("Operation without a site needs '" + Permissions.PLATFORM_ADMIN + "'");
    }
    sites.require(site);
    authorization.require(caller, site, permission);
  }

  /** The permission declared on the method (as its OpenAPI extension), or null. */
  public static String required(Method method) {
    if (method == null) {
      return null;
    }
    for (Extension e : method.getAnnotationsByType(Extension.class)) {
      if (Permissions.EXTENSION.equals(e.name())) {
        return e.value();
      }
    }
    return null;
  }
}
