package tw.gov.civitas.manage;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import tw.gov.civitas.api.Permissions;
import tw.gov.civitas.security.CallerFactory;

/** Every site's audit trail, for platform administrators; JSON or CSV. */
@Path("manage/audit")
@Tag(name = "management")
@SecurityRequirement(name = "keycloak")
public class AuditResource {

  @Inject AuditSearch search;
  @Inject CallerFactory callers;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Extension(name = Permissions.EXTENSION, value = Permissions.PLATFORM_ADMIN)
  @Operation(summary = "Search every site's audit trail (?site=&actor=&action=&entity=&from=&to=)")
  public Response all(
      @QueryParam("site") String site,
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("entity") String entity,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") Integer page,
      @QueryParam("size") Integer size) {
    return AuditSearch.json(
        search.query(
            callers.current().orElseThrow(),
            AuditSearch.blank(site),
            actor,
            action,
            entity,
            from,
            to,
            page,
            size));
  }

  @GET
  @Path("csv")
  @Produces("text/csv")
  @Extension(name = Permissions.EXTENSION, value = Permissions.PLATFORM_ADMIN)
  @Operation(summary = "Every site's audit trail as CSV")
  public Response allCsv(
      @QueryParam("site") String site,
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("entity") String entity,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return AuditSearch.csv(
        search.query(
            callers.current().orElseThrow(),
            AuditSearch.blank(site),
            actor,
            action,
            entity,
            from,
            to,
            1,
            AuditSearch.MAX_EXPORT),
        "audit.csv");
  }
}
