package tw.gov.civitas.core.pagemodule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import tw.gov.civitas.spi.PageModuleContext;

/**
 * Service shortcuts: the site's links ({@code link} items, newest first; setting {@code tag} to
 * pick some), shown as a grid of services.
 */
@ApplicationScoped
public class QuickLinks extends CorePageModule {

  @Inject PublishedItems items;

  @Override
  public Map<String, Object> model(PageModuleContext c) {
    Map<String, Object> m = new HashMap<>();
    m.put("heading", heading(c));
    m.put(
        "links",
        items
            .newest(c.siteKey(), "link", c.setting("tag", null), c.intSetting("limit", 8, 1, 24))
            .stream()
            .map(
                i -> {
                  Map<String, Object> link = items.summary(i, c.language());
                  String url = PublishedItems.text(i.fields(), "url", c.language());
                  link.put("url", url);
                  link.put("external", url != null && !url.startsWith("/") && !url.startsWith("#"));
                  return link;
                })
            .toList());
    return m;
  }
}
