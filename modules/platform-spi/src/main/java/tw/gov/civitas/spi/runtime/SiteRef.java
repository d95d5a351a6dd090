package tw.gov.civitas.spi.runtime;

import java.util.Set;

/**
 * What a module may know of a site. New attributes arrive as new accessors; the platform creates
 * these, a module never does.
 */
public interface SiteRef {

  String key();

  String nameZh();

  String nameEn();

  /** {@code zh-TW} or {@code en}. */
  String defaultLanguage();

  Set<String> enabledModules();

  default boolean enables(String moduleId) {
    return enabledModules().contains(moduleId);
  }

  /**
   * The site's public address, e.g. {@code https://transportation.example.gov.tw}, without a
   * trailing slash.
   */
  String publicUrl();
}
