package tw.gov.civitas.manage;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import tw.gov.civitas.api.Permissions;
import tw.gov.civitas.core.audit.AuditLog;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.error.FieldError;
import tw.gov.civitas.core.error.NotFoundException;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.runtime.payments.RuntimePayments;
import tw.gov.civitas.runtime.payments.SandboxPaymentProvider;
import tw.gov.civitas.security.CallerFactory;
import tw.gov.civitas.spi.runtime.Payments;

/**
 * The sandbox payment provider's counter, where nothing is charged: the payer (or a platform
 * administrator) decides a pending payment's outcome, as the aggregator's callback would. Only
 * where the sandbox is the configured provider; 404 elsewhere and for anyone else's payment.
 */
@Path("payments/sandbox/{payment}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "management")
@SecurityRequirement(name = "keycloak")
public class SandboxPaymentsResource {

  @Inject RuntimePayments payments;
  @Inject CallerFactory callers;
  @Inject AuditLog audit;

  @GET
  @Operation(summary = "A sandbox payment of the caller's: amount, state, refunded")
  @Extension(name = Permissions.EXTENSION, value = Permissions.SIGNED_IN)
  public JsonObject get(@PathParam("payment") String id) {
    return json(own(id));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Operation(summary = "Decide a pending sandbox payment: {\"outcome\": \"paid\" | \"failed\"}")
  @Extension(name = Permissions.EXTENSION, value = Permissions.SIGNED_IN)
  public Response settle(@PathParam("payment") String id, JsonObject body) {
    Payments.Payment p = own(id);
    JsonInput in = new JsonInput(body);
    String outcome = in.string("outcome");
    in.check();
    Payments.State state =
        "paid".equals(outcome)
            ? Payments.State.PAID
            : "failed".equals(outcome) ? Payments.State.FAILED : null;
    if (state == null) {
      throw new ContentValidationException(
          List.of(new FieldError("outcome", "is \"paid\" or \"failed\"")));
    }
    Payments.Payment settled = payments.settle(p.id(), state);
    audit.record(
        callers.current().orElseThrow(IllegalStateException::new),
        p.siteKey(),
        "payment.sandbox-" + outcome,
        "payment",
        p.id(),
        json(p).toString(),
        json(settled).toString());
    return Response.ok(json(settled)).build();
  }

  private Payments.Payment own(String id) {
    if (!SandboxPaymentProvider.ID.equals(RuntimePayments.providerId())) {
      throw new NotFoundException("No sandbox payments on this server");
    }
    Caller caller = callers.current().orElseThrow(IllegalStateException::new);
    return payments
        .find(id)
        .filter(p -> SandboxPaymentProvider.ID.equals(providerOf(p)))
        .filter(
            p ->
                p.payer().equals(caller.username())
                    || caller.platformRoles().contains(Caller.PLATFORM_ADMIN))
        .orElseThrow(() -> new NotFoundException("No payment " + id + " of yours"));
  }

  private static String providerOf(Payments.Payment p) {
    return p.payUrl() != null && p.payUrl().startsWith("/account/payments/sandbox/")
        ? SandboxPaymentProvider.ID
        : "";
  }

  private static JsonObject json(Payments.Payment p) {
    return Json.createObjectBuilder()
        .add("id", p.id())
        .add("site", p.siteKey())
        .add("module", p.moduleId())
        .add("order", p.order())
        .add("amount", p.amount())
        .add("refunded", p.refunded())
        .add("state", p.state().name().toLowerCase(java.util.Locale.ROOT))
        .build();
  }
}
