package tw.gov.civitas.core.template;

import java.util.Set;
import tw.gov.civitas.spi.ContentTypeDescriptor;
import tw.gov.civitas.spi.ModuleRegistrar;
import tw.gov.civitas.spi.PlatformModule;

/** Registers the content types that site templates declare, through the same SPI as any plug-in. */
public final class SiteTemplatesModule implements PlatformModule {

  @Override
  public String id() {
    return "templates";
  }

  @Override
  public Set<String> dependsOn() {
    return Set.of("core");
  }

  /** Every site has the platform's own content types and operations. */
  @Override
  public boolean enabledPerSite() {
    return false;
  }

  @Override
  public void register(ModuleRegistrar registrar) {
    for (SiteTemplate template : SiteTemplates.all().values()) {
      for (ContentTypeDescriptor type : template.contentTypes()) {
        registrar.contentType(type);
      }
    }
  }
}
