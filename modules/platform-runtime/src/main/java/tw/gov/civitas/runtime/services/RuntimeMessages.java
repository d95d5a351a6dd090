package tw.gov.civitas.runtime.services;

import jakarta.enterprise.context.ApplicationScoped;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import tw.gov.civitas.spi.runtime.Messages;

/** The SPI's messages: a module's bundle from the EAR's shared class loader, zh-TW first. */
@ApplicationScoped
public class RuntimeMessages implements Messages {

  @Override
  public String get(String moduleId, Locale locale, String key, Object... args) {
    try {
      // Plug-in jars share lib/ with this one; properties bundles are read as UTF-8.
      ResourceBundle bundle =
          ResourceBundle.getBundle(
              moduleId + "/messages",
              locale == null ? Locale.TRADITIONAL_CHINESE : locale,
              RuntimeMessages.class.getClassLoader(),
              ResourceBundle.Control.getNoFallbackControl(
                  ResourceBundle.Control.FORMAT_PROPERTIES));
      String pattern = bundle.getString(key);
      return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    } catch (MissingResourceException e) {
      return key;
    }
  }
}
