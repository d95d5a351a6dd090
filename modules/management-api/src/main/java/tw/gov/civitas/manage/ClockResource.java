package tw.gov.civitas.manage;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import tw.gov.civitas.api.Permissions;
import tw.gov.civitas.core.audit.AuditLog;
import tw.gov.civitas.core.error.NotFoundException;
import tw.gov.civitas.runtime.services.AdjustableClock;
import tw.gov.civitas.security.CallerFactory;

/**
 * The platform clock that modules' jobs and deadlines read. Moving it exists only where {@code
 * civitas.clock.adjustable=true} (the integration tests); elsewhere it is 404.
 */
@Path("manage/clock")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "management")
@SecurityRequirement(name = "keycloak")
public class ClockResource {

  @Inject AdjustableClock clock;
  @Inject AuditLog audit;
  @Inject CallerFactory callers;

  @GET
  @Operation(summary = "The platform clock's time")
  @Extension(name = Permissions.EXTENSION, value = Permissions.PLATFORM_ADMIN)
  public Response now() {
    return Response.ok(json(clock.now())).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Operation(summary = "Test servers only: move the platform clock forward {\"advanceSeconds\": n}")
  @Extension(name = Permissions.EXTENSION, value = Permissions.PLATFORM_ADMIN)
  public Response advance(JsonObject body) {
    if (!AdjustableClock.adjustable()) {
      throw new NotFoundException("The platform clock cannot be moved on this server");
    }
    JsonInput in = new JsonInput(body);
    Integer seconds = in.integer("advanceSeconds");
    in.check();
    if (seconds == null || seconds < 0 || seconds > 400 * 86_400) {
      throw new tw.gov.civitas.core.error.ContentValidationException(
          java.util.List.of(
              new tw.gov.civitas.core.error.FieldError(
                  "advanceSeconds", "must be 0 to 34,560,000 seconds")));
    }
    Instant before = clock.now();
    Instant now = clock.advance(Duration.ofSeconds(seconds));
    audit.record(
        callers.current().orElseThrow(IllegalStateException::new),
        null,
        "platform.clock-advance",
        "clock",
        "platform",
        json(before).toString(),
        json(now).toString());
    return Response.ok(json(now)).build();
  }

  private static JsonObject json(Instant now) {
    return Json.createObjectBuilder().add("now", now.toString()).build();
  }
}
