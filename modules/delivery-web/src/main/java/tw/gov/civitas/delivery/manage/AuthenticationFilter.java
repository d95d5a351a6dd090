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

/** Refuses anonymous calls to management resources with 401 and a problem body. */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

  @Inject CallerFactory callers;

  @Override
  public void filter(ContainerRequestContext ctx) {
    if (callers.current().isEmpty()) {
      Response problem = Problems.of(401, "unauthenticated", "Authentication required",
          "Send a bearer token from the civitas realm in the Authorization header.");
      ctx.abortWith(Response.fromResponse(problem).header("WWW-Authenticate", "Bearer realm=\"civitas\"").build());
    }
  }
}
