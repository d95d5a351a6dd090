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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import tw.gov.civitas.api.Permissions;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.webhook.WebhookService;
import tw.gov.civitas.security.CallerFactory;

/** A site's webhooks and their delivery log. */
@Path("manage/sites/{site}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "management")
@SecurityRequirement(name = "keycloak")
public class WebhooksResource {

  @Inject WebhookService webhooks;
  @Inject CallerFactory callers;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Register a public http(s) URL told about publish/unpublish/delete, signed in the Standard Webhooks "
              + "scheme (headers webhook-id, webhook-timestamp, webhook-signature); the response carries the secret (whsec_...), "
              + "shown only once. Loopback, private, link-local and other non-public addresses are refused (400) unless the "
              + "operator's civitas.webhooks.allowed-targets names them")
  @Extension(name = Permissions.EXTENSION, value = CoreModule.SITE_MANAGE)
  public Response register(@PathParam("site") String site, JsonObject body) {
    Caller caller = caller();
    JsonInput in = new JsonInput(body);
    String url = in.string("url");
    var events = in.strings("events");
    in.check();
    return Response.status(201)
        .entity(json(webhooks.register(caller, site, url, events)).toString())
        .build();
  }

  @GET
  @Operation(summary = "The site's webhooks")
  @Extension(name = Permissions.EXTENSION, value = CoreModule.SITE_MANAGE)
  public Response list(@PathParam("site") String site) {
    JsonArrayBuilder items = Json.createArrayBuilder();
    webhooks.list(caller(), site).forEach(w -> items.add(json(w)));
    return Response.ok(Json.createObjectBuilder().add("items", items).build().toString()).build();
  }

  @DELETE
  @Path("{id}")
  @Extension(name = Permissions.EXTENSION, value = CoreModule.SITE_MANAGE)
  @Operation(summary = "Stop sending to a webhook and remove it")
  @APIResponse(responseCode = "204", description = "Removed")
  public Response delete(@PathParam("site") String site, @PathParam("id") long id) {
    webhooks.delete(caller(), site, id);
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/deliveries")
  @Operation(
      summary =
          "The delivery log, newest first: messageId (the webhook-id header), state, attempts, last HTTP "
              + "status, and lastError as a category (refused-address, dns-failure, connect-timeout, connection-refused, tls-error, "
              + "read-timeout, connection-error, http-3xx/4xx/5xx)")
  @Extension(name = Permissions.EXTENSION, value = CoreModule.SITE_MANAGE)
  public Response deliveries(@PathParam("site") String site, @PathParam("id") long id) {
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (var d : webhooks.deliveries(caller(), site, id)) {
      JsonObjectBuilder b =
          Json.createObjectBuilder()
              .add("id", d.id())
              .add("messageId", d.messageId())
              .add("event", d.event())
              .add("state", d.state())
              .add("attempts", d.attempts())
              .add("createdAt", d.createdAt().toString());
      if (d.lastStatus() != null) {
        b.add("lastStatus", d.lastStatus());
      }
      if (d.lastError() != null) {
        b.add("lastError", d.lastError());
      }
      if (d.deliveredAt() != null) {
        b.add("deliveredAt", d.deliveredAt().toString());
      }
      if (d.nextAttemptAt() != null) {
        b.add("nextAttemptAt", d.nextAttemptAt().toString());
      }
      items.add(b);
    }
    return Response.ok(Json.createObjectBuilder().add("items", items).build().toString()).build();
  }

  private static JsonObject json(WebhookService.WebhookView w) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("id", w.id())
            .add("site", w.siteKey())
            .add("url", w.url())
            .add("events", Json.createArrayBuilder(w.events()))
            .add("active", w.active())
            .add("createdBy", w.createdBy())
            .add("createdAt", w.createdAt().toString());
    if (w.secret() != null) {
      b.add("secret", w.secret());
    }
    return b.build();
  }

  private Caller caller() {
    return callers.current().orElseThrow(IllegalStateException::new);
  }
}
