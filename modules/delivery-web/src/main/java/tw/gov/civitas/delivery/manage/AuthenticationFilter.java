package tw.gov.civitas.delivery.manage;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import tw.gov.civitas.delivery.api.Problems;
import tw.gov.civitas.security.CallerFactory;

/**
 * Refuses anonymous calls to anything under {@code /api/v1/manage} with 401 and a problem body. It
 * matches by path, not by an annotation a new resource could forget.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

  /** Whether the request is for the management API. */
  static boolean isManagement(ContainerRequestContext ctx) {
    String path = ctx.getUriInfo().getPath();
    return path.startsWith("manage/") || path.startsWith("/manage/") || path.equals("manage") || path.equals("/manage");
  }

  @Inject CallerFactory callers;

  @Override
  public void filter(ContainerRequestContext ctx) {
    if (isManagement(ctx) && callers.current().isEmpty()) {
      Response problem = Problems.of(401, "unauthenticated", "Authentication required",
          "Send a bearer token from the civitas realm in the Authorization header.");
      ctx.abortWith(Response.fromResponse(problem).header("WWW-Authenticate", "Bearer realm=\"civitas\"").build());
    }
  }
}
