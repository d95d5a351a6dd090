package tw.gov.civitas.core.pagemodule;

import java.util.Map;
import tw.gov.civitas.spi.PageModuleContext;
import tw.gov.civitas.spi.PageModuleModel;

/** A built-in page module: its data depends on the settings of its placement. */
abstract class CorePageModule implements PageModuleModel {

  @Override
  public Map<String, Object> model(String siteKey, String language) {
    return model(new PageModuleContext(siteKey, language, "home", Map.of()));
  }

  @Override
  public abstract Map<String, Object> model(PageModuleContext context);

  /** A placement's own heading in the page's language, if it gives one. */
  static String heading(PageModuleContext c) {
    return c.setting("heading." + c.language(), c.setting("heading.zh-TW", null));
  }
}
