package tw.gov.civitas.spi.runtime;

import java.util.Optional;

/**
 * Operator settings for a module: the system property {@code civitas.<module>.<key>} or, if not
 * set, the environment variable {@code CIVITAS_<MODULE>_<KEY>} (upper case, '-' and '.' as '_').
 */
public interface ModuleConfiguration {

  Optional<String> get(String moduleId, String key);

  default String get(String moduleId, String key, String fallback) {
    return get(moduleId, key).orElse(fallback);
  }
}
