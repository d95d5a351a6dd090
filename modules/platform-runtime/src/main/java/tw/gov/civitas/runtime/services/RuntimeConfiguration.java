package tw.gov.civitas.runtime.services;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import tw.gov.civitas.spi.runtime.ModuleConfiguration;

/** The SPI's configuration: a system property, else an environment variable. */
@ApplicationScoped
public class RuntimeConfiguration implements ModuleConfiguration {

  @Override
  public Optional<String> get(String moduleId, String key) {
    return setting("civitas." + moduleId + "." + key);
  }

  /**
   * The platform's public address (links in mails, feeds, site references), without a trailing
   * slash.
   */
  public String publicUrl() {
    return setting("civitas.public-url").orElse("http://localhost:8080").replaceAll("/+$", "");
  }

  public static Optional<String> setting(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      value = System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }
}
