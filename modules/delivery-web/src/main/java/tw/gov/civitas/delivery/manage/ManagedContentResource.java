package tw.gov.civitas.delivery.manage;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import tw.gov.civitas.core.content.ContentService;
import tw.gov.civitas.core.content.ContentValidationException;
import tw.gov.civitas.core.content.ContentView;
import tw.gov.civitas.core.content.FieldError;
import tw.gov.civitas.core.content.NewContent;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.delivery.api.Representations;
import tw.gov.civitas.security.CallerFactory;

/** Content of one site, as its editors manage it. */
@Path("manage/sites/{site}/content")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "management")
@SecurityRequirement(name = "keycloak")
public class ManagedContentResource {

  @Inject ContentService content;
  @Inject CallerFactory callers;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create an item as a draft (revision 1)")
  @APIResponse(responseCode = "201", description = "Created; Location points at the item")
  @APIResponse(responseCode = "400", description = "Malformed JSON or invalid fields (each listed in 'errors')")
  @APIResponse(responseCode = "401", description = "No valid token")
  @APIResponse(responseCode = "403", description = "The caller may not edit this site")
  @APIResponse(responseCode = "404", description = "No such site")
  @APIResponse(responseCode = "409", description = "The slug is taken on this site")
  public Response create(@PathParam("site") String site, JsonObject body, @Context UriInfo uri) {
    Caller caller = caller();
    if (body == null) {
      throw new ContentValidationException(List.of(new FieldError("", "a JSON object is required")));
    }
    JsonValue fields = body.get("fields");
    if (fields != null && fields.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new ContentValidationException(List.of(new FieldError("fields", "must be an object")));
    }
    NewContent request = new NewContent(string(body, "type"), string(body, "slug"),
        fields == null ? null : fields.asJsonObject(), string(body, "comment"));
    ContentView created = content.create(caller, site, request);
    URI location = uri.getBaseUriBuilder().path("manage/sites/{site}/content/{slug}").build(site, created.slug());
    return Response.created(location)
        .entity(Representations.managedContent(created).toString())
        .build();
  }

  @GET
  @Path("{slug}")
  @Operation(summary = "The current revision of an item, published or not")
  public Response get(@PathParam("site") String site, @PathParam("slug") String slug) {
    return Response.ok(Representations.managedContent(content.current(caller(), site, slug)).toString()).build();
  }

  @POST
  @Path("{slug}/transitions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Move an item through the workflow: {\"action\": \"submit|withdraw|publish|unpublish|archive\"}")
  @APIResponse(responseCode = "200", description = "The item in its new state")
  @APIResponse(responseCode = "409", description = "The action is not allowed from the item's state")
  public Response transition(@PathParam("site") String site, @PathParam("slug") String slug, JsonObject body) {
    Caller caller = caller();
    String action = body == null ? null : string(body, "action");
    return Response.ok(Representations.managedContent(content.transition(caller, site, slug, action)).toString()).build();
  }

  private Caller caller() {
    // The AuthenticationFilter already refused anonymous calls.
    return callers.current().orElseThrow(IllegalStateException::new);
  }

  private static String string(JsonObject body, String name) {
    JsonValue v = body.get(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.STRING) {
      throw new ContentValidationException(List.of(new FieldError(name, "must be a string")));
    }
    return ((JsonString) v).getString();
  }
}
