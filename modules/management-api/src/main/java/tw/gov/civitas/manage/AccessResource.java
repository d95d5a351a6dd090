package tw.gov.civitas.manage;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import tw.gov.civitas.api.Permissions;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.security.CallerFactory;
import tw.gov.civitas.spi.PermissionDescriptor;
import tw.gov.civitas.spi.SiteRole;

/**
 * Who may do what: the permissions modules registered, the caller's own roles, a site's role
 * holders.
 */
@Path("manage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "management")
@SecurityRequirement(name = "keycloak")
public class AccessResource {

  @Inject Platform platform;
  @Inject CallerFactory callers;

  @GET
  @Path("permissions")
  @Extension(name = Permissions.EXTENSION, value = Permissions.SIGNED_IN)
  @Operation(
      summary =
          "Every permission modules registered, the site roles and platform roles holding it; platform administrators hold all")
  public Response permissions() {
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (PermissionDescriptor p : platform.registry().permissions().values()) {
      JsonArrayBuilder granted = Json.createArrayBuilder();
      p.grantedTo().stream().map(SiteRole::groupName).sorted().forEach(granted::add);
      JsonArrayBuilder platformRoles = Json.createArrayBuilder();
      p.grantedToPlatformRoles().stream()
          .map(tw.gov.civitas.spi.PlatformRole::roleName)
          .sorted()
          .forEach(platformRoles::add);
      items.add(
          Json.createObjectBuilder()
              .add("id", p.id())
              .add("displayName", p.displayName())
              .add("grantedTo", granted)
              .add("grantedToPlatformRoles", platformRoles));
    }
    return Response.ok(Json.createObjectBuilder().add("items", items).build().toString()).build();
  }

  @GET
  @Path("me")
  @Extension(name = Permissions.EXTENSION, value = Permissions.SIGNED_IN)
  @Operation(summary = "The caller: username, platform roles, roles per site")
  public Response me() {
    Caller c = callers.current().orElseThrow(IllegalStateException::new);
    var sites = Json.createObjectBuilder();
    c.siteRoles()
        .forEach(
            (site, held) ->
                sites.add(
                    site,
                    Json.createArrayBuilder(
                        held.stream().map(SiteRole::groupName).sorted().toList())));
    return Response.ok(
            Json.createObjectBuilder()
                .add("username", c.username())
                .add(
                    "platformRoles",
                    Json.createArrayBuilder(c.platformRoles().stream().sorted().toList()))
                .add("sites", sites)
                .build()
                .toString())
        .build();
  }
}
