package tw.gov.civitas.manage;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import tw.gov.civitas.api.Permissions;
import tw.gov.civitas.core.search.SearchIndex;
import tw.gov.civitas.security.CallerFactory;

/** Platform operations on the search index (platform administrators). */
@Path("manage/search-index")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "management")
@SecurityRequirement(name = "keycloak")
public class SearchIndexResource {

  @Inject SearchIndex index;
  @Inject CallerFactory callers;

  @POST
  @Operation(
      summary = "Rebuild the search index from the database in the background (202; poll GET)")
  @Extension(name = Permissions.EXTENSION, value = Permissions.PLATFORM_ADMIN)
  public Response rebuild() {
    return Response.accepted(
            json(index.rebuild(callers.current().orElseThrow(IllegalStateException::new))))
        .build();
  }

  @GET
  @Operation(summary = "Where the last rebuild stands")
  @Extension(name = Permissions.EXTENSION, value = Permissions.PLATFORM_ADMIN)
  public Response status() {
    return Response.ok(json(index.status())).build();
  }

  private static String json(SearchIndex.Status s) {
    JsonObjectBuilder b = Json.createObjectBuilder().add("state", s.state());
    if (s.startedAt() != null) {
      b.add("startedAt", s.startedAt().toString());
    }
    if (s.finishedAt() != null) {
      b.add("finishedAt", s.finishedAt().toString());
    }
    if (s.error() != null) {
      b.add("error", s.error());
    }
    return b.build().toString();
  }
}
