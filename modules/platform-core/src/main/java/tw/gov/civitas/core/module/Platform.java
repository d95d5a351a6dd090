package tw.gov.civitas.core.module;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import tw.gov.civitas.spi.PlatformModule;

/** Holds the module registry for the deployment; modules are found with {@link ServiceLoader}. */
@ApplicationScoped
public class Platform {

  private volatile ModuleRegistry registry;

  public ModuleRegistry registry() {
    ModuleRegistry r = registry;
    if (r == null) {
      synchronized (this) {
        if (registry == null) {
          registry = ModuleRegistry.of(discover());
        }
        r = registry;
      }
    }
    return r;
  }

  /**
   * The installed modules, as {@link java.util.ServiceLoader} finds them (also before CDI exists).
   */
  public static List<PlatformModule> discover() {
    // The SPI's class loader sees every jar in the EAR's lib/, where plug-in modules are packaged.
    List<PlatformModule> found = new ArrayList<>();
    ServiceLoader.load(PlatformModule.class, PlatformModule.class.getClassLoader())
        .forEach(found::add);
    return found;
  }
}
