package tw.gov.civitas.core.pagemodule;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tw.gov.civitas.spi.PageModuleContext;

/**
 * The site's data for reuse: its feeds, its sitemap, its content as JSON (the delivery API) and the
 * open-data declaration page.
 */
@ApplicationScoped
public class OpenDataLinks extends CorePageModule {

  @Override
  public Map<String, Object> model(PageModuleContext c) {
    String site = "/sites/" + c.siteKey() + "/";
    Map<String, Object> m = new HashMap<>();
    m.put("heading", heading(c));
    m.put(
        "links",
        List.of(
            Map.of("key", "rss", "href", site + "feed.rss", "format", "RSS"),
            Map.of("key", "atom", "href", site + "feed.atom", "format", "Atom"),
            Map.of(
                "key",
                "api",
                "href",
                "/api/v1/sites/" + c.siteKey() + "/content?type=news",
                "format",
                "JSON"),
            Map.of("key", "sitemap", "href", site + "sitemap.xml", "format", "XML"),
            Map.of(
                "key",
                "declaration",
                "href",
                site + "open-data" + PublishedItems.query(c.language()),
                "format",
                "HTML")));
    return m;
  }
}
