package tw.gov.civitas.spi;

import java.util.List;
import java.util.Map;

/**
 * The data behind a module's editor page, implemented by a CDI bean of the module. The editor
 * renders the page from its {@link EditorPageDescriptor} (a table of {@link #rows}, a form of its
 * fields) and calls these methods in the signed-in user's request, after checking the page's
 * permission; the bean checks again and audits its writes, as any of the module's services.
 */
public interface EditorPageSource {

  /**
   * The table's rows: column name → text, in display order.
   *
   * @param siteKey the site of a {@link EditorSlot#SITE} page; null for the other slots
   */
  List<Map<String, String>> rows(String siteKey);

  /**
   * The form's submission: field name → the text entered.
   *
   * @throws tw.gov.civitas.spi.runtime.InvalidInputException shown next to each field named
   */
  default void submit(String siteKey, Map<String, String> values) {
    throw new UnsupportedOperationException("this page has no form");
  }
}
