package tw.gov.civitas.spi.runtime;

import java.util.Locale;

/**
 * Localized texts from a module's bundle {@code <module>/messages} ({@code
 * messages_zh_TW.properties}, {@code messages_en.properties} in the module's jar); zh-TW first,
 * English second.
 */
public interface Messages {

  /**
   * The message for {@code key}, formatted with {@code args} ({@link java.text.MessageFormat}); the
   * key itself when missing.
   */
  String get(String moduleId, Locale locale, String key, Object... args);
}
