package tw.gov.civitas.core.pagemodule;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import tw.gov.civitas.spi.PageModuleContext;

/** A search form for the site's content (the results page works without script). */
@ApplicationScoped
public class SearchBox extends CorePageModule {

  @Override
  public Map<String, Object> model(PageModuleContext c) {
    Map<String, Object> m = new HashMap<>();
    m.put("heading", heading(c));
    m.put("action", "/sites/" + c.siteKey() + "/search");
    m.put("lang", c.language());
    m.put("id", "search-" + c.pageKey()); // a page may have several boxes: ids stay unique
    return m;
  }
}
