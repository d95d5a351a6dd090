package tw.gov.civitas.delivery.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import tw.gov.civitas.core.module.ModuleRegistry;
import tw.gov.civitas.runtime.ModuleResources;
import tw.gov.civitas.spi.PlatformModule;

/**
 * Plug-in modules' operations as {@code /openapi} names them: the permission each declares with the
 * SPI's {@code @Permission}, keyed by the operationId SmallRye gives it ({@code Class_method}).
 * Read with {@link ServiceLoader}, because the document is built before CDI beans exist.
 */
final class ModuleOperations {

  private static volatile Map<String, String> permissions;

  private ModuleOperations() {}

  /** operationId → permission, for every operation of every module's registered resources. */
  static Map<String, String> permissionsByOperationId() {
    Map<String, String> p = permissions;
    if (p == null) {
      List<PlatformModule> modules = ServiceLoader.load(PlatformModule.class, PlatformModule.class.getClassLoader())
          .stream().map(ServiceLoader.Provider::get).toList();
      Map<String, String> found = new HashMap<>();
      ModuleRegistry.of(modules).resources().keySet().forEach(resource -> ModuleResources.operations(resource)
          .stream().filter(op -> op.permission() != null)
          .forEach(op -> found.put(resource.getSimpleName() + "_" + op.method().getName(), op.permission())));
      permissions = p = Map.copyOf(found);
    }
    return p;
  }
}
