package tw.gov.civitas.core.pagemodule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import tw.gov.civitas.spi.PageModuleContext;

/**
 * A place on a map: the location of an item (setting {@code slug}, else the site's contact). The
 * page shows the address and a link to the map; the theme's script adds the embedded map, so
 * without script the address is what remains.
 */
@ApplicationScoped
public class LocationMap extends CorePageModule {

  @Inject PublishedItems items;
  @Inject ContactCard contacts;

  @Override
  public Map<String, Object> model(PageModuleContext c) {
    Map<String, Object> m = new HashMap<>();
    m.put("heading", heading(c));
    String slug = c.setting("slug", null);
    var item =
        slug != null ? items.published(c.siteKey(), slug) : contacts.contact(c.siteKey(), null);
    item.ifPresent(
        i -> {
          m.put("title", PublishedItems.text(i.fields(), "title", c.language()));
          PublishedItems.location(i.fields(), "location").ifPresent(l -> m.put("location", l));
        });
    return m;
  }
}
