package tw.gov.civitas.manage;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import tw.gov.civitas.api.Permissions;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.security.CallerFactory;
import tw.gov.civitas.security.RoleDirectory;

/** Who holds which role on a site. */
@Path("manage/sites/{site}/roles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "management")
@SecurityRequirement(name = "keycloak")
public class SiteRolesResource {

  @Inject RoleDirectory roles;
  @Inject CallerFactory callers;

  @GET
  @Extension(name = Permissions.EXTENSION, value = CoreModule.SITE_MANAGE)
  @Operation(
      summary = "Who holds which role on the site (from Keycloak's /agencies/<site>/<role> groups)")
  public Response holders(@PathParam("site") String site) {
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (RoleDirectory.RoleHolder h : roles.holders(callers.current().orElseThrow(), site)) {
      items.add(
          Json.createObjectBuilder()
              .add("role", h.role())
              .add("username", h.username())
              .add("name", (h.lastName() + h.firstName()).strip())
              .add("email", h.email()));
    }
    return Response.ok(
            Json.createObjectBuilder().add("site", site).add("items", items).build().toString())
        .build();
  }
}
