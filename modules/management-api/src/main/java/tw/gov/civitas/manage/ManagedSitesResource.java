package tw.gov.civitas.manage;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import tw.gov.civitas.api.Permissions;
import tw.gov.civitas.core.provisioning.SiteProvisioning;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteService;
import tw.gov.civitas.security.CallerFactory;

/** The platform's sites, as platform administrators manage them. */
@Path("manage/sites")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "management")
@SecurityRequirement(name = "keycloak")
public class ManagedSitesResource {

  @Inject SiteProvisioning provisioning;
  @Inject CallerFactory callers;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Create a site: {\"key\", \"agency\" (slug; created when new), \"name\": {\"zh-TW\", \"en\"}, \"template\" (bureau, district-office or event-portal)}")
  @Extension(name = Permissions.EXTENSION, value = Permissions.PLATFORM_ADMIN)
  public Response create(JsonObject body, @Context UriInfo uri) {
    Caller caller = callers.current().orElseThrow(IllegalStateException::new);
    JsonInput in = new JsonInput(body);
    JsonObject name = in.object("name");
    JsonInput names = new JsonInput(name == null ? JsonObject.EMPTY_JSON_OBJECT : name);
    String key = in.string("key");
    String agency = in.string("agency");
    String template = in.string("template");
    String zh = names.string("zh-TW");
    String en = names.string("en");
    in.check();
    names.check();
    Site site = provisioning.create(caller, key, agency, zh, en, template);
    return Response.created(
            uri.getBaseUriBuilder().path("manage/sites/{site}").build(site.getKey()))
        .entity(SiteService.settingsJson(site).toString())
        .build();
  }
}
