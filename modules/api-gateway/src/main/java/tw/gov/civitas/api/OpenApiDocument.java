package tw.gov.civitas.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import tw.gov.civitas.web.http.Problems;

/**
 * Completes {@code /openapi} from what each operation already declares (registered as {@code
 * mp.openapi.filter}), so that a standard linter passes and generated clients know how to call it:
 * an operation that is not {@value Permissions#PUBLIC} needs a bearer token (public methods declare
 * an empty {@code @SecurityRequirementsSet}, which SmallRye writes as {@code security: [{}]}; an
 * empty requirement set here is dropped), every operation lists the 4xx it can answer, and every
 * 4xx is a Problem.
 */
public class OpenApiDocument implements OASFilter {

  static final String BEARER = "keycloak";
  static final String PROBLEM_REF = "#/components/schemas/Problem";

  @Override
  public Operation filterOperation(Operation operation) {
    ModuleOperations.Described module =
        operation.getOperationId() == null
            ? null
            : ModuleOperations.byOperationId().get(operation.getOperationId());
    if (module != null) {
      // A plug-in's operation declares itself through the SPI, which knows nothing of OpenAPI.
      operation.addExtension(Permissions.EXTENSION, module.permission());
      if (operation.getSummary() == null) {
        operation.setSummary(
            module.summary() == null ? operation.getOperationId() : module.summary());
      }
      if (operation.getTags() == null || operation.getTags().isEmpty()) {
        operation.setTags(List.of(moduleTag(module.moduleId())));
      }
    }
    Object permission =
        operation.getExtensions() == null
            ? null
            : operation.getExtensions().get(Permissions.EXTENSION);
    boolean open = Permissions.PUBLIC.equals(permission);
    if (!open && (operation.getSecurity() == null || operation.getSecurity().isEmpty())) {
      operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER)));
    }
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      operation.setResponses(responses);
    }
    // SmallRye copies the method's @Extension onto each of its @APIResponses too: it belongs to the
    // operation
    responses.getAPIResponses().values().forEach(r -> r.removeExtension(Permissions.EXTENSION));
    if (open) {
      // a malformed address or parameter; every public operation can be asked for with one
      addIfMissing(responses, "400", "The address or a parameter is not valid");
    } else {
      addIfMissing(
          responses, "401", "No bearer token, or the token was refused (the detail says why)");
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

  static String moduleTag(String moduleId) {
    return "module: " + moduleId;
  }

  @Override
  public void filterOpenAPI(OpenAPI api) {
    // A plug-in's public operation has no annotation saying it needs no token: say it here, once
    // the
    // model is complete (set per operation, SmallRye's later passes would drop the empty
    // requirement).
    if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
      for (var item : api.getPaths().getPathItems().values()) {
        for (Operation op : item.getOperations().values()) {
          ModuleOperations.Described module =
              op.getOperationId() == null
                  ? null
                  : ModuleOperations.byOperationId().get(op.getOperationId());
          if (module != null && Permissions.PUBLIC.equals(module.permission())) {
            op.setSecurity(
                new java.util.ArrayList<>(List.of(OASFactory.createSecurityRequirement())));
          }
        }
      }
    }
    // every plug-in's tag is defined, like the platform's own
    for (String moduleId :
        ModuleOperations.byOperationId().values().stream()
            .map(ModuleOperations.Described::moduleId)
            .distinct()
            .sorted()
            .toList()) {
      String name = moduleTag(moduleId);
      if (api.getTags() == null
          || api.getTags().stream().noneMatch(t -> name.equals(t.getName()))) {
        api.addTag(
            OASFactory.createTag()
                .name(name)
                .description("Operations of the plug-in module " + moduleId));
      }
    }
    // relative to where the document was fetched from: the same server answers both
    api.setServers(
        List.of(
            OASFactory.createServer()
                .url("/")
                .description("This Civitas server (the paths start with /api/v1)")));
  }

  private static void addIfMissing(APIResponses responses, String code, String description) {
    if (!responses.hasAPIResponse(code)) {
      responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
    }
  }

  private static Content problem() {
    return OASFactory.createContent()
        .addMediaType(
            Problems.PROBLEM_JSON.toString(),
            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
  }
}
