package tw.gov.civitas.api;

import java.util.HashMap;
import java.util.Map;
import tw.gov.civitas.core.module.ModuleRegistry;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.runtime.ModuleResources;

/**
 * Plug-in modules' operations as {@code /openapi} names them (the operationId SmallRye gives them,
 * {@code Class_method}): the module, the permission declared with the SPI's {@code @Permission} and
 * the {@code @Summary}. Found the way {@link Platform} finds modules, because the document is built
 * before CDI beans exist.
 */
final class ModuleOperations {

  /** One plug-in operation. */
  record Described(String moduleId, String permission, String summary) {}

  private static volatile Map<String, Described> operations;

  private ModuleOperations() {}

  /**
   * operationId → what the module declared, for every operation of every module's registered
   * resources.
   */
  static Map<String, Described> byOperationId() {
    Map<String, Described> known = operations;
    if (known == null) {
      Map<String, Described> found = new HashMap<>();
      ModuleRegistry.of(Platform.discover())
          .resources()
          .forEach(
              (resource, moduleId) ->
                  ModuleResources.operations(resource).stream()
                      .filter(op -> op.permission() != null)
                      .forEach(
                          op -> {
                            tw.gov.civitas.spi.web.Summary summary =
                                op.method().getAnnotation(tw.gov.civitas.spi.web.Summary.class);
                            found.put(
                                resource.getSimpleName() + "_" + op.method().getName(),
                                new Described(
                                    moduleId,
                                    op.permission(),
                                    summary == null ? null : summary.value()));
                          }));
      operations = known = Map.copyOf(found);
    }
    return known;
  }
}
