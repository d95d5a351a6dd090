package tw.gov.civitas.manage;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import tw.gov.civitas.api.Permissions;
import tw.gov.civitas.core.content.ReleaseService;
import tw.gov.civitas.core.content.ReleaseView;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.security.CallerFactory;

/** Batch releases of a site: items published together at a set time. */
@Path("manage/sites/{site}/releases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "management")
@SecurityRequirement(name = "keycloak")
public class ReleasesResource {

  @Inject ReleaseService releases;
  @Inject CallerFactory callers;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Schedule a release: {\"name\", \"releaseAt\", \"items\": [slugs]}; all publish together, or none,"
              + " each at the revision current now (a later draft stays a draft)")
  @Extension(name = Permissions.EXTENSION, value = CoreModule.CONTENT_PUBLISH)
  public Response create(@PathParam("site") String site, JsonObject body) {
    var caller = callers.current().orElseThrow(IllegalStateException::new);
    JsonInput in = new JsonInput(body);
    String name = in.string("name");
    Instant at = in.instant("releaseAt");
    List<String> items = in.strings("items");
    in.check();
    return Response.status(201)
        .entity(json(releases.create(caller, site, name, at, items)).toString())
        .build();
  }

  @GET
  @Operation(summary = "The site's releases, latest first")
  @Extension(name = Permissions.EXTENSION, value = CoreModule.CONTENT_EDIT)
  public Response list(@PathParam("site") String site) {
    JsonArrayBuilder items = Json.createArrayBuilder();
    releases
        .list(callers.current().orElseThrow(IllegalStateException::new), site)
        .forEach(r -> items.add(json(r)));
    return Response.ok(Json.createObjectBuilder().add("items", items).build().toString()).build();
  }

  @POST
  @Path("{id}/cancel")
  @Operation(
      summary =
          "Cancel a scheduled release: none of its items goes public (they keep their states);"
              + " 409 once it has run")
  @Extension(name = Permissions.EXTENSION, value = CoreModule.CONTENT_PUBLISH)
  public Response cancel(@PathParam("site") String site, @PathParam("id") long id) {
    var caller = callers.current().orElseThrow(IllegalStateException::new);
    return Response.ok(json(releases.cancel(caller, site, id)).toString()).build();
  }

  static JsonObject json(ReleaseView r) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("id", r.id())
            .add("site", r.siteKey())
            .add("name", r.name())
            .add("releaseAt", r.releaseAt().toString())
            .add("state", r.state())
            .add("createdBy", r.createdBy())
            .add("items", Json.createArrayBuilder(r.items()));
    // The revision each item goes public at: the one current when the release was scheduled.
    JsonObjectBuilder revisions = Json.createObjectBuilder();
    r.revisions().forEach(revisions::add);
    b.add("revisions", revisions);
    if (r.releasedAt() != null) {
      b.add("releasedAt", r.releasedAt().toString());
    }
    return b.build();
  }
}
