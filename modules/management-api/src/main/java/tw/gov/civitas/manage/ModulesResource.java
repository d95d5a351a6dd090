package tw.gov.civitas.manage;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
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
import tw.gov.civitas.core.admin.ModuleStates;
import tw.gov.civitas.security.CallerFactory;

/**
 * The module registry: each installed module, where it is on and what it brings (platform
 * administrators).
 */
@Path("manage/modules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "management")
@SecurityRequirement(name = "keycloak")
public class ModulesResource {

  @Inject ModuleStates states;
  @Inject CallerFactory callers;

  @GET
  @Operation(
      summary =
          "Installed modules: the sites each is on, its schema version and what it contributes"
              + " (permissions, content types, jobs, page modules, editor pages, citizen forms)")
  @Extension(name = Permissions.EXTENSION, value = Permissions.PLATFORM_ADMIN)
  public Response list() {
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (ModuleStates.ModuleState m :
        states.all(callers.current().orElseThrow(IllegalStateException::new))) {
      JsonObjectBuilder b =
          Json.createObjectBuilder()
              .add("id", m.id())
              .add("state", m.failedMigrations() == 0 ? "running" : "migration-failed")
              .add("enabledPerSite", m.enabledPerSite())
              .add("dependsOn", Json.createArrayBuilder(m.dependsOn()))
              .add("sites", Json.createArrayBuilder(m.sitesEnabling()))
              .add("migrations", m.migrations())
              .add("permissions", Json.createArrayBuilder(m.permissions()))
              .add("contentTypes", Json.createArrayBuilder(m.contentTypes()))
              .add("jobs", Json.createArrayBuilder(m.jobs()))
              .add("pageModules", Json.createArrayBuilder(m.pageModules()))
              .add("editorPages", Json.createArrayBuilder(m.editorPages()))
              .add("citizenForms", Json.createArrayBuilder(m.citizenForms()));
      if (m.schemaVersion() != null) {
        b.add("schemaVersion", m.schemaVersion());
      }
      items.add(b);
    }
    return Response.ok(Json.createObjectBuilder().add("items", items).build().toString()).build();
  }
}
