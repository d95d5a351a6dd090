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
import tw.gov.civitas.api.Representations;
import tw.gov.civitas.core.content.ContentEditing;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.security.CallerFactory;

/** The content types a site's editors can write, as schemas: what a form is generated from. */
@Path("manage/sites/{site}/content-types")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "management")
@SecurityRequirement(name = "keycloak")
public class ContentTypesResource {

  @Inject ContentEditing content;
  @Inject CallerFactory callers;

  @GET
  @Operation(
      summary =
          "The site's content types (the built-in ones and those of the modules it enables):"
              + " names, fields with their kinds, rules and labels, in editing order")
  @Extension(name = Permissions.EXTENSION, value = CoreModule.CONTENT_EDIT)
  public Response types(@PathParam("site") String site) {
    JsonArrayBuilder types = Json.createArrayBuilder();
    content
        .types(callers.current().orElseThrow(IllegalStateException::new), site)
        .forEach(t -> types.add(Representations.contentType(t)));
    return Response.ok(Json.createObjectBuilder().add("types", types).build().toString()).build();
  }
}
