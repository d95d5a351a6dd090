package tw.gov.civitas.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.CodeSource;
import java.util.Collections;
import java.util.Optional;
import tw.gov.civitas.core.module.ModuleRegistry;
import tw.gov.civitas.spi.EditorPageDescriptor;
import tw.gov.civitas.spi.PlatformModule;

/**
 * Where a module's own editor views are: in its own jar, at the place its descriptor names, and
 * nowhere else. The deployment check and the editor that renders them ask the same question here.
 */
public final class EditorViews {

  private EditorViews() {}

  /**
   * The view {@code file} of module {@code moduleId}, if one of the module's editor pages declares
   * it and the module's jar holds it; empty for anything else, so no other file can be reached by
   * name.
   */
  public static Optional<URL> declared(ModuleRegistry registry, String moduleId, String file) {
    Optional<PlatformModule> module = registry.module(moduleId);
    if (module.isEmpty()) {
      return Optional.empty();
    }
    return registry.editorPages().stream()
        .filter(p -> p.moduleId().equals(moduleId) && p.view().filter(file::equals).isPresent())
        .findFirst()
        .flatMap(EditorPageDescriptor::viewResource)
        .flatMap(resource -> inJarOf(module.get(), resource));
  }

  /**
   * A resource of the module's own jar (the one its class was loaded from), not one of the same
   * name in another jar of the EAR's {@code lib/}, which share a class loader.
   */
  static Optional<URL> inJarOf(PlatformModule module, String resource) {
    Class<?> type = module.getClass();
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.ofNullable(type.getClassLoader().getResource(resource));
    }
    String jar = source.getLocation().toExternalForm().replaceAll("/$", "");
    try {
      return Collections.list(type.getClassLoader().getResources(resource)).stream()
          .filter(
              url -> {
                String at = url.toExternalForm().replaceFirst("^jar:", "");
                return at.startsWith(jar)
                    && at.length() > jar.length()
                    && "/!".indexOf(at.charAt(jar.length())) >= 0;
              })
          .findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
