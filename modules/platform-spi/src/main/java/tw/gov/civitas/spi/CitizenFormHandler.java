package tw.gov.civitas.spi;

import java.util.Map;

/**
 * What happens when a signed-in citizen sends a module's {@link CitizenFormDescriptor form}: a CDI bean
 * of the module, called in the citizen's request after the platform checked the form's CSRF token and
 * that the caller is a citizen ({@link tw.gov.civitas.spi.runtime.CurrentUser} names them).
 */
public interface CitizenFormHandler {

  /**
   * @param siteKey the site whose form it is
   * @param values field name → the text entered
   * @return what the citizen reads once it is received, e.g. "案件編號 A-1024"
   * @throws tw.gov.civitas.spi.runtime.InvalidInputException shown next to each field named; nothing is stored
   */
  String submit(String siteKey, Map<String, String> values);
}
