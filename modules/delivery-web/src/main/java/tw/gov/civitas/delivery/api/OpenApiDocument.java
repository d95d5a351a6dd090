package tw.gov.civitas.delivery.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes {@code /openapi} from what each operation already declares (registered as
 * {@code mp.openapi.filter}), so that a standard linter passes and generated clients know how to call
 * it: an operation that is not {@value Permissions#PUBLIC} needs a bearer token (public methods
 * declare an empty {@code @SecurityRequirementsSet}, which SmallRye writes as {@code security: [{}]};
 * an empty requirement set here is dropped), every operation lists the 4xx it can answer, and every
 * 4xx is a Problem.
 */
public class OpenApiDocument implements OASFilter {

  static final String BEARER = "keycloak";
  static final String PROBLEM_REF = "#/components/schemas/Problem";

  @Override
  public Operation filterOperation(Operation operation) {
    Object permission = operation.getExtensions() == null ? null : operation.getExtensions().get(Permissions.EXTENSION);
    boolean open = Permissions.PUBLIC.equals(permission);
    if (!open && (operation.getSecurity() == null || operation.getSecurity().isEmpty())) {
      operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER)));
    }
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      operation.setResponses(responses);
    }
    // SmallRye copies the method's @Extension onto each of its @APIResponses too: it belongs to the operation
    responses.getAPIResponses().values().forEach(r -> r.removeExtension(Permissions.EXTENSION));
    if (open) {
      // a malformed address or parameter; every public operation can be asked for with one
      addIfMissing(responses, "400", "The address or a parameter is not valid");
    } else {
      addIfMissing(responses, "401", "No bearer token, or the token was refused (the detail says why)");
      if (Permissions.PLATFORM_ADMIN.equals(permission)) {
        addIfMissing(responses, "403", "Only platform administrators may do this");
      } else if (!Permissions.SIGNED_IN.equals(permission)) {
        addIfMissing(responses, "403", "The caller does not hold " + permission + " on this site");
      }
    }
    for (Map.Entry<String, APIResponse> r : responses.getAPIResponses().entrySet()) {
      if (r.getKey().startsWith("4") && r.getValue().getContent() == null) {
        r.getValue().setContent(problem());
      }
    }
    return operation;
  }

  @Override
  public void filterOpenAPI(OpenAPI api) {
    // relative to where the document was fetched from: the same server answers both
    api.setServers(List.of(OASFactory.createServer().url("/")
        .description("This Civitas server (the paths start with /api/v1)")));
  }

  private static void addIfMissing(APIResponses responses, String code, String description) {
    if (!responses.hasAPIResponse(code)) {
      responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
    }
  }

  private static Content problem() {
    return OASFactory.createContent().addMediaType(Problems.PROBLEM_JSON.toString(),
        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
  }
}
