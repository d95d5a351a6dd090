package tw.gov.civitas.delivery;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import tw.gov.civitas.api.CachedJson;
import tw.gov.civitas.api.ListParameters;
import tw.gov.civitas.api.Permissions;
import tw.gov.civitas.api.Representations;
import tw.gov.civitas.api.WireSchemas;
import tw.gov.civitas.core.content.ContentLists;
import tw.gov.civitas.core.content.ContentQuery;
import tw.gov.civitas.core.error.NotFoundException;
import tw.gov.civitas.core.tenancy.SiteRepository;
import tw.gov.civitas.web.cache.CacheTags;

/** Cross-site, read-only aggregation of published content (e.g. every agency's announcements). */
@Path("content")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "delivery")
public class ContentResource {

  @Inject ContentLists lists;
  @Inject SiteRepository sites;

  @GET
  @Extension(name = Permissions.EXTENSION, value = Permissions.PUBLIC)
  @SecurityRequirementsSet // empty: no authentication
  @Operation(
      operationId = "listContent",
      summary = "Published items across sites, newest first, filtered and paginated")
  @APIResponse(
      responseCode = "200",
      description = "A page of items",
      content = @Content(schema = @Schema(implementation = WireSchemas.ContentPage.class)))
  @APIResponse(responseCode = "400", description = "A bad parameter (each listed in 'errors')")
  @APIResponse(responseCode = "404", description = "A site named in 'site' does not exist")
  public Response list(
      @Parameter(description = "comma-separated site keys; all sites when absent")
          @QueryParam("site")
          String site,
      @QueryParam("type") String type,
      @QueryParam("q") String q,
      @QueryParam("tag") String tag,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("sort") String sort,
      @QueryParam("page") String page,
      @QueryParam("size") String size,
      @QueryParam("lang") String lang,
      @Context Request request,
      @Context HttpServletRequest http) {
    boolean search = q != null && !q.isBlank();
    if (!search) {
      CacheTags.tag(http, CacheTags.PLATFORM); // which sites there are, and their default languages
    }
    Map<String, String> defaults = sites.defaultLanguages();
    List<String> keys =
        site == null || site.isBlank()
            ? List.of()
            : Arrays.stream(site.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    for (String key : keys) {
      if (!defaults.containsKey(key)) {
        throw new NotFoundException("No site '" + key + "'");
      }
    }
    if (!search) {
      // Searches are not stored: the search index catches up after the commit that invalidates.
      for (String key : keys.isEmpty() ? defaults.keySet() : keys) {
        CacheTags.tag(http, CacheTags.list(key, type, tag));
      }
    }
    ContentQuery query = ListParameters.parse(keys, type, tag, from, to, sort, page, size);
    return CachedJson.respond(
        request,
        Representations.page(lists.find(query, q), lang, k -> defaults.getOrDefault(k, "zh-TW"))
            .toString(),
        null);
  }
}
