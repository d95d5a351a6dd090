package tw.gov.civitas.manage;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import tw.gov.civitas.api.ListParameters;
import tw.gov.civitas.api.Permissions;
import tw.gov.civitas.api.Representations;
import tw.gov.civitas.core.content.BulkTransitions;
import tw.gov.civitas.core.content.Change;
import tw.gov.civitas.core.content.ContentEditing;
import tw.gov.civitas.core.content.ContentHistory;
import tw.gov.civitas.core.content.ContentInput;
import tw.gov.civitas.core.content.ContentPreview;
import tw.gov.civitas.core.content.ContentView;
import tw.gov.civitas.core.content.ContentWorkflow;
import tw.gov.civitas.core.content.FieldChange;
import tw.gov.civitas.core.content.ItemFilter;
import tw.gov.civitas.core.content.ManagedItemPage;
import tw.gov.civitas.core.content.PreviewTokens;
import tw.gov.civitas.core.content.RevisionSummary;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.error.FieldError;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.security.CallerFactory;

/** Content of one site, as its editors manage it. */
@Path("manage/sites/{site}/content")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "management")
@SecurityRequirement(name = "keycloak")
public class ManagedContentResource {

  @Inject ContentEditing content;
  @Inject ContentWorkflow workflow;
  @Inject ContentHistory history;
  @Inject ContentPreview contentPreview;
  @Inject CallerFactory callers;
  @Inject PreviewTokens previews;
  @Inject BulkTransitions bulk;

  @GET
  @Operation(
      summary =
          "The site's items at their current revisions, drafts included: ?type=&state=&language=&author=&q="
              + "&updatedFrom=&updatedBefore=&sort=updated|title|created|state|type (- descending)&page=&size=")
  @APIResponse(responseCode = "200", description = "{items, total, page, size}")
  @APIResponse(responseCode = "400", description = "A criterion is not understood ('errors')")
  @Extension(name = Permissions.EXTENSION, value = CoreModule.CONTENT_EDIT)
  public Response list(
      @PathParam("site") String site,
      @QueryParam("type") String type,
      @QueryParam("state") String state,
      @QueryParam("language") String language,
      @QueryParam("author") String author,
      @QueryParam("q") String text,
      @QueryParam("updatedFrom") String updatedFrom,
      @QueryParam("updatedBefore") String updatedBefore,
      @QueryParam("sort") String sort,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    List<FieldError> errors = new java.util.ArrayList<>();
    ItemFilter filter =
        new ItemFilter(
            type,
            state,
            language,
            author,
            text,
            ListParameters.instant("updatedFrom", updatedFrom, errors),
            ListParameters.instant("updatedBefore", updatedBefore, errors),
            null,
            sort,
            ListParameters.integer("page", page, 1, 1, 100_000, errors),
            ListParameters.integer("size", size, 20, 1, ItemFilter.MAX_SIZE, errors));
    ManagedItemPage found = content.list(caller(), site, filter, errors);
    JsonArrayBuilder items = Json.createArrayBuilder();
    found.items().forEach(i -> items.add(Representations.managedItem(i)));
    return ok(
        Json.createObjectBuilder()
            .add("items", items)
            .add("total", found.total())
            .add("page", found.page())
            .add("size", found.size())
            .build());
  }

  @POST
  @Path("transitions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "One workflow step on many items: {\"action\": \"submit\", \"slugs\": [\"a\", \"b\"], \"comment\": \"…\"};"
              + " each item is checked and moved on its own")
  @APIResponse(
      responseCode = "200",
      description =
          "{results: [{slug, status, state, revision} or {slug, status, detail}]}: status is what the"
              + " single-item call would have answered (200, 400, 403, 404, 409)")
  @APIResponse(responseCode = "400", description = "No action, or no or too many slugs")
  @Extension(name = Permissions.EXTENSION, value = CoreModule.CONTENT_EDIT)
  public Response bulkTransition(@PathParam("site") String site, JsonObject body) {
    Caller caller = caller();
    JsonInput in = new JsonInput(body);
    String action = in.string("action");
    List<String> slugs = in.strings("slugs");
    String comment = in.string("comment");
    in.check();
    if (action == null || slugs == null) {
      List<FieldError> missing = new java.util.ArrayList<>();
      if (action == null) {
        missing.add(new FieldError("action", "is required"));
      }
      if (slugs == null) {
        missing.add(new FieldError("slugs", "is required"));
      }
      throw new ContentValidationException(missing);
    }
    JsonArrayBuilder results = Json.createArrayBuilder();
    for (BulkTransitions.Outcome o : bulk.transition(caller, site, slugs, action, comment)) {
      JsonObjectBuilder r =
          Json.createObjectBuilder().add("slug", o.slug()).add("status", o.status());
      if (o.done()) {
        r.add("state", o.item().state()).add("revision", o.item().revision());
      } else {
        r.add("detail", o.message() == null ? "" : o.message());
      }
      results.add(r);
    }
    return ok(Json.createObjectBuilder().add("results", results).build());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create an item as a draft (revision 1)")
  @APIResponse(responseCode = "201", description = "Created; Location points at the item")
  @APIResponse(
      responseCode = "400",
      description = "Malformed JSON or invalid fields (each listed in 'errors')")
  @APIResponse(responseCode = "401", description = "No valid token")
  @APIResponse(responseCode = "403", description = "The caller may not edit this site")
  @APIResponse(responseCode = "404", description = "No such site")
  @APIResponse(responseCode = "409", description = "The slug is taken on this site")
  @Extension(name = Permissions.EXTENSION, value = CoreModule.CONTENT_EDIT)
  public Response create(@PathParam("site") String site, JsonObject body, @Context UriInfo uri) {
    Caller caller = caller();
    ContentInput input = input(body, true);
    ContentView created = content.create(caller, site, input);
    URI location =
        uri.getBaseUriBuilder()
            .path("manage/sites/{site}/content/{slug}")
            .build(site, created.slug());
    return Response.created(location)
        .tag(etag(created))
        .entity(Representations.managedContent(created).toString())
        .build();
  }

  @GET
  @Path("{slug}")
  @Operation(
      summary =
          "The current revision of an item, published or not; the ETag names the revision (for If-Match)")
  @Extension(name = Permissions.EXTENSION, value = CoreModule.CONTENT_EDIT)
  public Response get(@PathParam("site") String site, @PathParam("slug") String slug) {
    return ok(content.current(caller(), site, slug));
  }

  @PUT
  @Path("{slug}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Change what the body mentions: fields (saved as the next revision; a published item stays public"
              + " as it was until republished), tags, publishAt, unpublishAt (null: none). What it leaves out stays as it is."
              + " With If-Match (the ETag of GET), only if the item is still at that revision")
  @APIResponse(responseCode = "200", description = "The item at its new revision")
  @APIResponse(responseCode = "400", description = "Invalid fields (each listed in 'errors')")
  @APIResponse(
      responseCode = "409",
      description =
          "Another write came first (or If-Match names an older revision);"
              + " 'currentRevision' says which revision is current")
  @Extension(name = Permissions.EXTENSION, value = CoreModule.CONTENT_EDIT)
  public Response update(
      @PathParam("site") String site,
      @PathParam("slug") String slug,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonObject body) {
    Caller caller = caller();
    ContentInput input = input(body, false);
    return ok(content.update(caller, site, slug, input, expectedRevision(ifMatch)));
  }

  @DELETE
  @Path("{slug}")
  @Operation(
      summary = "Delete an item and its history (a published item needs the publish permission)")
  @APIResponse(responseCode = "204", description = "Deleted")
  @Extension(name = Permissions.EXTENSION, value = CoreModule.CONTENT_EDIT)
  public Response delete(@PathParam("site") String site, @PathParam("slug") String slug) {
    content.delete(caller(), site, slug);
    return Response.noContent().build();
  }

  @POST
  @Path("{slug}/transitions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Move an item through the workflow: {\"action\": \"submit|withdraw|send-back|publish|unpublish|archive\","
              + " \"comment\": \"…\"} (send-back needs the comment: what to change)")
  @APIResponse(responseCode = "200", description = "The item in its new state")
  @APIResponse(
      responseCode = "409",
      description =
          "The action is not allowed from the item's state, or If-Match"
              + " names another revision than the current one")
  @Extension(name = Permissions.EXTENSION, value = CoreModule.CONTENT_EDIT)
  public Response transition(
      @PathParam("site") String site,
      @PathParam("slug") String slug,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonObject body) {
    Caller caller = caller();
    JsonInput in = new JsonInput(body);
    String action = in.string("action");
    String comment = in.string("comment");
    in.check();
    return ok(workflow.transition(caller, site, slug, action, expectedRevision(ifMatch), comment));
  }

  @GET
  @Path("{slug}/revisions")
  @Operation(summary = "The item's revisions, newest first")
  @Extension(name = Permissions.EXTENSION, value = CoreModule.CONTENT_EDIT)
  public Response revisions(@PathParam("site") String site, @PathParam("slug") String slug) {
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (RevisionSummary r : history.revisions(caller(), site, slug)) {
      JsonObjectBuilder b =
          Json.createObjectBuilder()
              .add("number", r.number())
              .add("author", r.author())
              .add("createdAt", r.createdAt().toString())
              .add("current", r.current())
              .add("published", r.published());
      if (r.comment() != null) {
        b.add("comment", r.comment());
      }
      items.add(b);
    }
    return ok(Json.createObjectBuilder().add("items", items).build());
  }

  @GET
  @Path("{slug}/revisions/{number}")
  @Operation(summary = "The item's fields at one revision")
  @Extension(name = Permissions.EXTENSION, value = CoreModule.CONTENT_EDIT)
  public Response revision(
      @PathParam("site") String site,
      @PathParam("slug") String slug,
      @PathParam("number") int number) {
    return ok(
        Representations.managedContent(history.atRevision(caller(), site, slug, number))
            .toString());
  }

  @GET
  @Path("{slug}/diff")
  @Operation(summary = "Field-by-field differences between two revisions (?from=1&to=2)")
  @Extension(name = Permissions.EXTENSION, value = CoreModule.CONTENT_EDIT)
  public Response diff(
      @PathParam("site") String site,
      @PathParam("slug") String slug,
      @QueryParam("from") Integer from,
      @QueryParam("to") Integer to) {
    if (from == null || to == null) {
      throw new ContentValidationException(
          List.of(new FieldError("from/to", "both revision numbers are required")));
    }
    JsonArrayBuilder changes = Json.createArrayBuilder();
    for (FieldChange c : history.diff(caller(), site, slug, from, to)) {
      changes.add(
          Json.createObjectBuilder()
              .add("field", c.field())
              .add("before", c.before() == null ? JsonValue.NULL : c.before())
              .add("after", c.after() == null ? JsonValue.NULL : c.after()));
    }
    return ok(
        Json.createObjectBuilder().add("from", from).add("to", to).add("changes", changes).build());
  }

  @POST
  @Path("{slug}/revisions/{number}/restore")
  @Operation(summary = "Make an old revision current again, as a new revision")
  @Extension(name = Permissions.EXTENSION, value = CoreModule.CONTENT_EDIT)
  public Response restore(
      @PathParam("site") String site,
      @PathParam("slug") String slug,
      @PathParam("number") int number) {
    return ok(history.restore(caller(), site, slug, number));
  }

  @POST
  @Path("{slug}/preview")
  @Operation(
      summary =
          "A signed, expiring link showing the item at its current revision: {\"validForMinutes\": 1440}")
  @APIResponse(responseCode = "201", description = "{url, expiresAt, revision}")
  @Extension(name = Permissions.EXTENSION, value = CoreModule.CONTENT_EDIT)
  public Response preview(
      @PathParam("site") String site,
      @PathParam("slug") String slug,
      JsonObject body,
      @Context UriInfo uri) {
    Caller caller = caller();
    JsonInput in = new JsonInput(body == null ? JsonObject.EMPTY_JSON_OBJECT : body);
    JsonValue minutes = in.value("validForMinutes");
    in.check();
    java.time.Duration validFor = null;
    if (minutes instanceof jakarta.json.JsonNumber n && n.isIntegral()) {
      validFor = java.time.Duration.ofMinutes(n.longValue());
    } else if (minutes != null && minutes != JsonValue.NULL) {
      throw new ContentValidationException(
          List.of(new FieldError("validForMinutes", "must be a whole number")));
    }
    PreviewTokens.Grant grant = contentPreview.grant(caller, site, slug, validFor);
    String url =
        uri.getBaseUriBuilder()
            .replacePath("/preview/{token}")
            .build(previews.sign(grant))
            .toString();
    return Response.status(201)
        .entity(
            Json.createObjectBuilder()
                .add("url", url)
                .add("expiresAt", grant.expiresAt().toString())
                .add("revision", grant.revision())
                .build()
                .toString())
        .build();
  }

  private static ContentInput input(JsonObject body, boolean create) {
    JsonInput in = new JsonInput(body);
    ContentInput input =
        new ContentInput(
            create ? in.string("type") : null,
            create ? in.string("slug") : null,
            in.object("fields"),
            in.string("comment"),
            in.strings("tags"),
            instantChange(in, "publishAt"),
            instantChange(in, "unpublishAt"));
    in.check();
    return input;
  }

  /** Absent: leave it as it is; null: none; else the date-time. */
  private static Change<Instant> instantChange(JsonInput in, String name) {
    return in.has(name) ? Change.to(in.instant(name)) : Change.keep();
  }

  private static final Pattern REVISION_TAG = Pattern.compile("\"([0-9]{1,9})\"");

  /**
   * If-Match names the revision the caller edited, as the ETag gave it; none or {@code *}: whatever
   * is current.
   */
  static Integer expectedRevision(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    Matcher m = REVISION_TAG.matcher(ifMatch.strip());
    if (!m.matches()) {
      throw new ContentValidationException(
          List.of(new FieldError(HttpHeaders.IF_MATCH, "must be the item's ETag, e.g. \"3\"")));
    }
    return Integer.valueOf(m.group(1));
  }

  /** The item's revision is its entity tag: what an If-Match must name to change it. */
  static EntityTag etag(ContentView item) {
    return new EntityTag(String.valueOf(item.revision()));
  }

  private static Response ok(ContentView item) {
    return Response.ok(Representations.managedContent(item).toString()).tag(etag(item)).build();
  }

  private static Response ok(JsonObject body) {
    return ok(body.toString());
  }

  private static Response ok(String body) {
    return Response.ok(body).build();
  }

  private Caller caller() {
    // The AuthenticationFilter already refused anonymous calls.
    return callers.current().orElseThrow(IllegalStateException::new);
  }
}
