package tw.gov.civitas.delivery.feeds;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import tw.gov.civitas.api.CachedJson;
import tw.gov.civitas.api.Localization;
import tw.gov.civitas.api.Permissions;
import tw.gov.civitas.core.content.ContentLists;
import tw.gov.civitas.core.content.ContentQuery;
import tw.gov.civitas.core.content.ContentView;
import tw.gov.civitas.core.error.NotFoundException;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.core.tenancy.OpenDataSettings;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;
import tw.gov.civitas.spi.ContentTypeDescriptor;
import tw.gov.civitas.web.cache.CacheTags;

/**
 * Open data: each content collection of a site as a dataset, in CSV (UTF-8 with BOM, as Taiwan's
 * open-data portals expect) and JSON, described with data.gov.tw's metadata fields.
 */
@Path("sites/{site}/datasets")
@Tag(name = "delivery")
public class OpenDataResource {

  static final String LICENCE = "政府資料開放授權條款-第1版";
  static final String LICENCE_URL = "https://data.gov.tw/license";
  private static final List<String> COLUMNS =
      List.of("識別碼", "標題", "摘要", "發布時間", "更新時間", "網址", "標籤");
  private static final int MAX_ROWS = 50_000;

  @Inject SiteRepository sites;
  @Inject ContentLists lists;
  @Inject Platform platform;

  @GET
  @Extension(name = Permissions.EXTENSION, value = Permissions.PUBLIC)
  @SecurityRequirementsSet // empty: no authentication
  @Produces("application/json")
  @Operation(
      operationId = "listDatasets",
      summary = "The site's datasets with data.gov.tw metadata (名稱, 描述, 主要欄位, 提供機關, 更新頻率, 授權…)")
  public Response datasets(
      @PathParam("site") String siteKey,
      @Context Request request,
      @Context HttpServletRequest http) {
    CacheTags.tag(http, CacheTags.site(siteKey)); // the site and the installed types; no items
    Site site = site(siteKey);
    JsonArrayBuilder out = Json.createArrayBuilder();
    for (OpenDataSettings.Dataset dataset : OpenDataSettings.datasets(site, platform.registry())) {
      if (!dataset.published()) {
        continue;
      }
      ContentTypeDescriptor type = dataset.type();
      String base = "/api/v1/sites/" + siteKey + "/datasets/" + type.shortName();
      out.add(
          Json.createObjectBuilder()
              .add("identifier", siteKey + "-" + type.shortName())
              .add("name", site.getNameZh() + type.nameZh())
              .add(
                  "nameEn",
                  (site.getNameEn().isBlank() ? site.getNameZh() : site.getNameEn())
                      + " "
                      + type.nameEn())
              .add(
                  "description",
                  dataset.description() != null
                      ? dataset.description()
                      : site.getNameZh() + "於網站發布之" + type.nameZh() + "資料，含標題、摘要、發布與更新時間及網址。")
              .add("fields", String.join("、", COLUMNS))
              .add("provider", site.getAgency().getNameZh())
              .add(
                  "contact",
                  dataset.contact() != null
                      ? dataset.contact()
                      : site.getAgency().getNameZh() + " 網站管理員")
              .add("updateFrequency", dataset.updateFrequency())
              .add("licence", LICENCE)
              .add("licenceUrl", LICENCE_URL)
              .add("keywords", Json.createArrayBuilder().add(site.getNameZh()).add(type.nameZh()))
              .add("category", "公共資訊")
              .add("encoding", "UTF-8")
              .add(
                  "distributions",
                  Json.createArrayBuilder()
                      .add(
                          Json.createObjectBuilder().add("format", "CSV").add("url", base + ".csv"))
                      .add(
                          Json.createObjectBuilder()
                              .add("format", "JSON")
                              .add("url", base + ".json"))));
    }
    return CachedJson.respond(
        request,
        Json.createObjectBuilder().add("site", siteKey).add("datasets", out).build().toString(),
        null);
  }

  @GET
  @Extension(name = Permissions.EXTENSION, value = Permissions.PUBLIC)
  @SecurityRequirementsSet // empty: no authentication
  @Path("{type}.csv")
  @Produces("text/csv")
  @Operation(operationId = "getDatasetCsv", summary = "A collection as CSV, UTF-8 with BOM")
  public Response csv(
      @PathParam("site") String siteKey,
      @PathParam("type") String type,
      @Context HttpServletRequest http) {
    CacheTags.tag(http, CacheTags.site(siteKey), CacheTags.listsOfType(siteKey, type));
    Site site = site(siteKey);
    StringWriter out = new StringWriter();
    out.write('\uFEFF'); // Excel and data.gov.tw read UTF-8 only with the BOM
    try (CSVPrinter csv =
        new CSVPrinter(
            out, CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
      for (ContentView item : rows(site, type)) {
        JsonObject f =
            Localization.localize(
                item.fields(), site.getDefaultLanguage(), site.getDefaultLanguage());
        csv.printRecord(
            item.slug(),
            text(f, "title"),
            text(f, "summary"),
            item.publishedAt(),
            item.updatedAt(),
            url(http, site, item),
            String.join(";", item.tags()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
    return Response.ok(bytes, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + siteKey + "-" + type + ".csv\"")
        .build();
  }

  @GET
  @Extension(name = Permissions.EXTENSION, value = Permissions.PUBLIC)
  @SecurityRequirementsSet // empty: no authentication
  @Path("{type}.json")
  @Produces("application/json")
  @Operation(operationId = "getDatasetJson", summary = "A collection as JSON")
  public Response json(
      @PathParam("site") String siteKey,
      @PathParam("type") String type,
      @Context Request request,
      @Context HttpServletRequest http) {
    CacheTags.tag(http, CacheTags.site(siteKey), CacheTags.listsOfType(siteKey, type));
    Site site = site(siteKey);
    JsonArrayBuilder out = Json.createArrayBuilder();
    for (ContentView item : rows(site, type)) {
      JsonObject f =
          Localization.localize(
              item.fields(), site.getDefaultLanguage(), site.getDefaultLanguage());
      out.add(
          Json.createObjectBuilder()
              .add("識別碼", item.slug())
              .add("標題", text(f, "title") == null ? "" : text(f, "title"))
              .add("摘要", text(f, "summary") == null ? "" : text(f, "summary"))
              .add("發布時間", item.publishedAt().toString())
              .add("更新時間", item.updatedAt().toString())
              .add("網址", url(http, site, item))
              .add("標籤", String.join(";", item.tags())));
    }
    return CachedJson.respond(request, out.build().toString(), null);
  }

  private List<ContentView> rows(Site site, String type) {
    // only the site's own types, and only those it publishes
    if (OpenDataSettings.datasets(site, platform.registry()).stream()
        .noneMatch(d -> d.published() && d.type().shortName().equals(type))) {
      throw new NotFoundException("No dataset '" + type + "' on site '" + site.getKey() + "'");
    }
    return lists
        .find(
            new ContentQuery(
                List.of(site.getKey()), type, null, null, null, "-publishedAt", 1, MAX_ROWS),
            null)
        .items();
  }

  private Site site(String key) {
    return sites.require(key);
  }

  private static String url(HttpServletRequest http, Site site, ContentView item) {
    return tw.gov.civitas.web.http.Origins.of(http) + "/sites/" + site.getKey() + "/" + item.slug();
  }

  private static String text(JsonObject fields, String name) {
    return fields.get(name) instanceof JsonString s ? s.getString() : null;
  }
}
