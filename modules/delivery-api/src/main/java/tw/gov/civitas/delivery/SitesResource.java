package tw.gov.civitas.delivery;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
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
import tw.gov.civitas.api.Localization;
import tw.gov.civitas.api.Permissions;
import tw.gov.civitas.api.Representations;
import tw.gov.civitas.api.WireSchemas;
import tw.gov.civitas.core.content.ContentLists;
import tw.gov.civitas.core.content.ContentPage;
import tw.gov.civitas.core.content.ContentQueries;
import tw.gov.civitas.core.content.ContentQuery;
import tw.gov.civitas.core.content.ContentView;
import tw.gov.civitas.core.error.NotFoundException;
import tw.gov.civitas.core.menu.Menu;
import tw.gov.civitas.core.menu.MenuService;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;
import tw.gov.civitas.web.cache.CacheTags;

/** Public delivery: sites and their published content. */
@Path("sites")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "delivery")
public class SitesResource {

  @Inject SiteRepository sites;
  @Inject ContentQueries content;
  @Inject ContentLists lists;
  @Inject MenuService menus;

  @GET
  @Extension(name = Permissions.EXTENSION, value = Permissions.PUBLIC)
  @SecurityRequirementsSet // empty: no authentication
  @Operation(operationId = "listSites", summary = "Every site on the platform")
  @APIResponse(
      responseCode = "200",
      description = "Every site",
      content = @Content(schema = @Schema(implementation = WireSchemas.SiteList.class)))
  public Response list(@Context Request request, @Context HttpServletRequest http) {
    CacheTags.tag(http, CacheTags.PLATFORM);
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (Site s : sites.findAll()) {
      items.add(Representations.site(s));
    }
    return CachedJson.respond(
        request, Json.createObjectBuilder().add("items", items).build().toString(), null);
  }

  @GET
  @Extension(name = Permissions.EXTENSION, value = Permissions.PUBLIC)
  @SecurityRequirementsSet // empty: no authentication
  @Path("{site}")
  @Operation(operationId = "getSite", summary = "One site")
  @APIResponse(
      responseCode = "200",
      description = "The site",
      content = @Content(schema = @Schema(implementation = WireSchemas.SiteSchema.class)))
  @APIResponse(responseCode = "404", description = "No such site")
  public Response site(
      @PathParam("site") String siteKey,
      @Context Request request,
      @Context HttpServletRequest http) {
    CacheTags.tag(http, CacheTags.site(siteKey));
    Site site = sites.require(siteKey);
    return CachedJson.respond(request, Representations.site(site).toString(), null);
  }

  @GET
  @Extension(name = Permissions.EXTENSION, value = Permissions.PUBLIC)
  @SecurityRequirementsSet // empty: no authentication
  @Path("{site}/content")
  @Operation(
      operationId = "listSiteContent",
      summary = "The site's published items, newest first, filtered and paginated")
  @APIResponse(
      responseCode = "200",
      description = "A page of items",
      content = @Content(schema = @Schema(implementation = WireSchemas.ContentPage.class)))
  @APIResponse(responseCode = "400", description = "A bad parameter (each listed in 'errors')")
  @APIResponse(responseCode = "404", description = "No such site")
  public Response list(
      @PathParam("site") String siteKey,
      @QueryParam("type") String type,
      @Parameter(description = "full-text search (Chinese and English)") @QueryParam("q") String q,
      @QueryParam("tag") String tag,
      @Parameter(description = "published on or after (date or date-time)") @QueryParam("from")
          String from,
      @Parameter(description = "published before (date or date-time)") @QueryParam("to") String to,
      @Parameter(description = "-publishedAt (default), publishedAt, -updatedAt, updatedAt")
          @QueryParam("sort")
          String sort,
      @QueryParam("page") String page,
      @QueryParam("size") String size,
      @QueryParam("lang") String lang,
      @Context Request request,
      @Context HttpServletRequest http) {
    boolean search = q != null && !q.isBlank();
    if (!search) {
      // Searches are not stored: the search index catches up after the commit that invalidates.
      CacheTags.tag(http, CacheTags.site(siteKey), CacheTags.list(siteKey, type, tag));
    }
    Site site = sites.require(siteKey);
    ContentQuery query =
        ListParameters.parse(List.of(siteKey), type, tag, from, to, sort, page, size);
    ContentPage result = lists.find(query, q);
    return CachedJson.respond(
        request,
        Representations.page(result, lang, key -> site.getDefaultLanguage()).toString(),
        null);
  }

  @GET
  @Extension(name = Permissions.EXTENSION, value = Permissions.PUBLIC)
  @SecurityRequirementsSet // empty: no authentication
  @Path("{site}/menus/{menu}")
  @Operation(
      operationId = "getMenu",
      summary =
          "A menu or page tree, labels in the language asked for; links to unpublished items are left out")
  @APIResponse(
      responseCode = "200",
      description = "The menu",
      content = @Content(schema = @Schema(implementation = WireSchemas.MenuSchema.class)))
  @APIResponse(responseCode = "404", description = "No such site or menu")
  public Response menu(
      @PathParam("site") String siteKey,
      @PathParam("menu") String menuKey,
      @QueryParam("lang") String lang,
      @Context Request request,
      @Context HttpServletRequest http) {
    CacheTags.tag(http, CacheTags.site(siteKey), CacheTags.menu(siteKey, menuKey));
    Site site = sites.require(siteKey);
    Menu menu =
        menus
            .menu(siteKey, menuKey)
            .orElseThrow(
                () ->
                    new NotFoundException("Site '" + siteKey + "' has no menu '" + menuKey + "'"));
    String language = Localization.resolve(lang, site.getDefaultLanguage());
    JsonArray stored = MenuService.parse(menu.getEntries());
    // an entry shows only while its item is published: the menu depends on each linked item
    for (String slug : Menus.items(stored)) {
      CacheTags.tag(http, CacheTags.item(siteKey, slug));
    }
    JsonArray entries = Menus.resolve(stored, siteKey, language, lists.publishedSlugs(siteKey));
    return CachedJson.respond(
        request,
        Json.createObjectBuilder()
            .add("site", siteKey)
            .add("menu", menuKey)
            .add("lang", language)
            .add("entries", entries)
            .build()
            .toString(),
        menu.getUpdatedAt());
  }

  @GET
  @Extension(name = Permissions.EXTENSION, value = Permissions.PUBLIC)
  @SecurityRequirementsSet // empty: no authentication
  @Path("{site}/content/{slug}")
  @Operation(
      operationId = "getSiteContent",
      summary =
          "One published item, in the language asked for (falling back to the site's default)")
  @APIResponse(
      responseCode = "200",
      description = "The published item",
      content = @Content(schema = @Schema(implementation = WireSchemas.PublishedContent.class)))
  @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
  @APIResponse(
      responseCode = "404",
      description = "No such site, or no published item with that slug")
  public Response item(
      @PathParam("site") String siteKey,
      @PathParam("slug") String slug,
      @Parameter(description = "zh-TW or en") @QueryParam("lang") String lang,
      @Context Request request,
      @Context HttpServletRequest http) {
    CacheTags.tag(http, CacheTags.site(siteKey), CacheTags.item(siteKey, slug));
    Site site = sites.require(siteKey);
    ContentView item =
        content
            .published(siteKey, slug)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "No published item '" + slug + "' on site '" + siteKey + "'"));
    String language = Localization.resolve(lang, site.getDefaultLanguage());
    return CachedJson.respond(
        request,
        Representations.publishedContent(item, language, site.getDefaultLanguage()).toString(),
        item.updatedAt());
  }
}
