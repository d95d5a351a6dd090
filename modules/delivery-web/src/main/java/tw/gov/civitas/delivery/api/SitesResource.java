package tw.gov.civitas.delivery.api;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import tw.gov.civitas.core.content.ContentService;
import tw.gov.civitas.core.content.ContentView;
import tw.gov.civitas.core.content.NotFoundException;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;

/** Public delivery: sites and their published content. */
@Path("sites")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "delivery")
public class SitesResource {

  @Inject SiteRepository sites;
  @Inject ContentService content;

  @GET
  @Operation(summary = "Every site on the platform")
  public Response list(@Context Request request) {
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (Site s : sites.findAll()) {
      items.add(Representations.site(s));
    }
    return CachedJson.respond(request, Json.createObjectBuilder().add("items", items).build().toString(), null);
  }

  @GET
  @Path("{site}")
  @Operation(summary = "One site")
  @APIResponse(responseCode = "200", description = "The site")
  @APIResponse(responseCode = "404", description = "No such site")
  public Response site(@PathParam("site") String siteKey, @Context Request request) {
    Site site = sites.findByKey(siteKey).orElseThrow(() -> new NotFoundException("No site '" + siteKey + "'"));
    return CachedJson.respond(request, Representations.site(site).toString(), null);
  }

  @GET
  @Path("{site}/content/{slug}")
  @Operation(summary = "One published item, in the language asked for (falling back to the site's default)")
  @APIResponse(responseCode = "200", description = "The published item")
  @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
  @APIResponse(responseCode = "404", description = "No such site, or no published item with that slug")
  public Response item(@PathParam("site") String siteKey, @PathParam("slug") String slug,
      @Parameter(description = "zh-TW or en") @QueryParam("lang") String lang, @Context Request request) {
    Site site = sites.findByKey(siteKey).orElseThrow(() -> new NotFoundException("No site '" + siteKey + "'"));
    ContentView item = content.published(siteKey, slug)
        .orElseThrow(() -> new NotFoundException("No published item '" + slug + "' on site '" + siteKey + "'"));
    String language = Localization.resolve(lang, site.getDefaultLanguage());
    return CachedJson.respond(request,
        Representations.publishedContent(item, language, site.getDefaultLanguage()).toString(), item.updatedAt());
  }
}
