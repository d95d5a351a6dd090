package tw.gov.civitas.manage;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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
import tw.gov.civitas.core.error.NotFoundException;
import tw.gov.civitas.core.menu.MenuService;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteService;
import tw.gov.civitas.core.tenancy.SiteSettings;
import tw.gov.civitas.security.CallerFactory;

/** A site's settings and menus, as its administrators manage them. */
@Path("manage/sites/{site}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "management")
@SecurityRequirement(name = "keycloak")
public class ManagedSiteResource {

  @Inject SiteService siteService;
  @Inject MenuService menus;
  @Inject CallerFactory callers;

  @GET
  @Operation(summary = "The site's settings")
  @Extension(name = Permissions.EXTENSION, value = CoreModule.CONTENT_EDIT)
  public Response settings(@PathParam("site") String site) {
    return Response.ok(json(siteService.settings(caller(), site)).toString()).build();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Change settings: name {zh-TW, en}, defaultLanguage, theme, requireDistinctReviewer, enabledModules, domains, pageModules {region: [page module ids]}, pageLayouts {page: {region: [{module, settings}]}}, openData {type: {published, description, updateFrequency, contact}}")
  @Extension(name = Permissions.EXTENSION, value = CoreModule.SITE_MANAGE)
  public Response configure(@PathParam("site") String site, JsonObject body) {
    Caller caller = caller();
    JsonInput in = new JsonInput(body);
    JsonObject name = in.object("name");
    JsonInput names = new JsonInput(name == null ? JsonObject.EMPTY_JSON_OBJECT : name);
    SiteSettings settings =
        new SiteSettings(
            names.string("zh-TW"),
            names.string("en"),
            in.string("defaultLanguage"),
            in.string("theme"),
            in.bool("requireDistinctReviewer"),
            in.strings("enabledModules"),
            in.strings("domains"),
            in.stringLists("pageModules"),
            in.object("pageLayouts"),
            in.object("openData"));
    in.check();
    names.check();
    return Response.ok(json(siteService.configure(caller, site, settings)).toString()).build();
  }

  @GET
  @Path("menus/{menu}")
  @Operation(summary = "A menu as stored: both languages, item slugs")
  @Extension(name = Permissions.EXTENSION, value = CoreModule.CONTENT_EDIT)
  public Response menu(@PathParam("site") String site, @PathParam("menu") String menu) {
    siteService.settings(caller(), site); // same read permission as the settings
    var stored =
        menus
            .menu(site, menu)
            .orElseThrow(
                () -> new NotFoundException("Site '" + site + "' has no menu '" + menu + "'"));
    return Response.ok(
            Json.createObjectBuilder()
                .add("site", site)
                .add("menu", menu)
                .add("entries", MenuService.parse(stored.getEntries()))
                .add("updatedBy", stored.getUpdatedBy())
                .add("updatedAt", stored.getUpdatedAt().toString())
                .build()
                .toString())
        .build();
  }

  @PUT
  @Path("menus/{menu}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Replace a menu: {\"entries\": [{\"label\": {\"zh-TW\", \"en\"}, \"item\" | \"url\", \"children\"}]}")
  @Extension(name = Permissions.EXTENSION, value = CoreModule.SITE_MANAGE)
  public Response replaceMenu(
      @PathParam("site") String site, @PathParam("menu") String menu, JsonObject body) {
    Caller caller = caller();
    JsonInput in = new JsonInput(body);
    JsonValue given = in.value("entries");
    in.check();
    JsonArray entries = menus.replace(caller, site, menu, given);
    return Response.ok(
            Json.createObjectBuilder()
                .add("site", site)
                .add("menu", menu)
                .add("entries", entries)
                .build()
                .toString())
        .build();
  }

  static JsonObject json(Site s) {
    return SiteService.settingsJson(s);
  }

  private Caller caller() {
    return callers.current().orElseThrow(IllegalStateException::new);
  }
}
