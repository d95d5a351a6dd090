package tw.gov.civitas.manage;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import tw.gov.civitas.api.Permissions;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.error.FieldError;
import tw.gov.civitas.core.media.MediaService;
import tw.gov.civitas.core.media.MediaUpload;
import tw.gov.civitas.core.media.MediaView;
import tw.gov.civitas.core.media.PayloadTooLargeException;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.security.CallerFactory;

/** A site's media library: upload (multipart), list, delete. */
@Path("manage/sites/{site}/media")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "management")
@SecurityRequirement(name = "keycloak")
public class MediaResource {

  @Inject MediaService media;
  @Inject CallerFactory callers;

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(summary = "Upload a file (parts: file, alt (required for images), altEn, title)")
  @APIResponse(responseCode = "201", description = "Stored; renditions listed for images")
  @APIResponse(
      responseCode = "400",
      description = "Missing alt text for an image, or other field errors")
  @APIResponse(responseCode = "413", description = "Larger than the upload limit")
  @APIResponse(
      responseCode = "415",
      description = "The content is not an accepted image or document type")
  @Extension(name = Permissions.EXTENSION, value = CoreModule.CONTENT_EDIT)
  public Response upload(@PathParam("site") String site, List<EntityPart> parts)
      throws IOException {
    Caller caller = callers.current().orElseThrow(IllegalStateException::new);
    MediaView view = media.upload(caller, site, upload(parts));
    return Response.status(201).entity(json(view).toString()).build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary =
          "Replace a file's content, keeping its id (parts: file, and alt, altEn to change them):"
              + " every item naming it shows the new file, at addresses with its new version")
  @APIResponse(responseCode = "200", description = "Replaced; the new version's addresses")
  @APIResponse(
      responseCode = "400",
      description = "An image replaced by a document or the other way round, or field errors")
  @APIResponse(responseCode = "404", description = "No such file on the site")
  @APIResponse(responseCode = "413", description = "Larger than the upload limit")
  @APIResponse(responseCode = "415", description = "Not an accepted image or document type")
  @Extension(name = Permissions.EXTENSION, value = CoreModule.CONTENT_EDIT)
  public Response replace(
      @PathParam("site") String site, @PathParam("id") String id, List<EntityPart> parts)
      throws IOException {
    Caller caller = callers.current().orElseThrow(IllegalStateException::new);
    return Response.ok(json(media.replace(caller, site, id, upload(parts))).toString()).build();
  }

  /** The multipart parts of an upload: file, alt, altEn, title (others are ignored). */
  private static MediaUpload upload(List<EntityPart> parts) throws IOException {
    byte[] file = null;
    String fileName = null;
    String alt = null;
    String altEn = null;
    String title = null;
    for (EntityPart part : parts == null ? List.<EntityPart>of() : parts) {
      switch (part.getName()) {
        case "file" -> {
          file = read(part.getContent(), MediaService.MAX_BYTES);
          fileName = part.getFileName().orElse(null);
        }
        case "alt" -> alt = text(part);
        case "altEn" -> altEn = text(part);
        case "title" -> title = text(part);
        default -> {
          /* unknown parts are ignored */
        }
      }
    }
    if (file == null) {
      throw new ContentValidationException(
          List.of(new FieldError("file", "is required (a multipart part named 'file')")));
    }
    return new MediaUpload(file, fileName, alt, altEn, title);
  }

  @GET
  @Operation(summary = "The site's media, newest first")
  @Extension(name = Permissions.EXTENSION, value = CoreModule.CONTENT_EDIT)
  public Response list(@PathParam("site") String site) {
    JsonArrayBuilder items = Json.createArrayBuilder();
    media
        .list(callers.current().orElseThrow(IllegalStateException::new), site, 500)
        .forEach(m -> items.add(json(m)));
    return Response.ok(Json.createObjectBuilder().add("items", items).build().toString()).build();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Delete a file and its renditions")
  @Extension(name = Permissions.EXTENSION, value = CoreModule.CONTENT_EDIT)
  public Response delete(@PathParam("site") String site, @PathParam("id") String id) {
    media.delete(callers.current().orElseThrow(IllegalStateException::new), site, id);
    return Response.noContent().build();
  }

  /** Reads at most {@code limit} bytes; more is refused without reading it all. */
  static byte[] read(InputStream in, long limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int n; (n = in.read(buffer)) != -1; ) {
      total += n;
      if (total > limit) {
        throw new PayloadTooLargeException("Files may be at most " + limit / (1024 * 1024) + " MB");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static String text(EntityPart part) throws IOException {
    return new String(read(part.getContent(), 8 * 1024), StandardCharsets.UTF_8);
  }

  static JsonObject json(MediaView m) {
    JsonObjectBuilder urls = Json.createObjectBuilder().add("original", m.url("original"));
    m.renditions().keySet().forEach(r -> urls.add(r, m.url(r)));
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("id", m.id())
            .add("site", m.siteKey())
            .add("kind", m.kind())
            .add("mediaType", m.mediaType())
            .add("fileName", m.fileName())
            .add("size", m.size())
            .add("renditions", m.renditions())
            .add("urls", urls)
            .add("createdBy", m.createdBy())
            .add("createdAt", m.createdAt().toString());
    JsonObjectBuilder alt = Json.createObjectBuilder();
    if (m.altZh() != null) {
      alt.add("zh-TW", m.altZh());
    }
    if (m.altEn() != null) {
      alt.add("en", m.altEn());
    }
    b.add("alt", alt);
    if (m.title() != null) {
      b.add("title", m.title());
    }
    if (m.width() != null) {
      b.add("width", m.width()).add("height", m.height());
    }
    return b.build();
  }
}
