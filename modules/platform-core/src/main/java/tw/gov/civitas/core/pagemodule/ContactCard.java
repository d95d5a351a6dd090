package tw.gov.civitas.core.pagemodule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tw.gov.civitas.core.content.ContentView;
import tw.gov.civitas.spi.PageModuleContext;

/**
 * How to reach the agency: a contact item (setting {@code slug}, else the newest) with its unit,
 * phone, e-mail, address and office hours.
 */
@ApplicationScoped
public class ContactCard extends CorePageModule {

  @Inject PublishedItems items;

  @Override
  public Map<String, Object> model(PageModuleContext c) {
    Map<String, Object> m = new HashMap<>();
    m.put("heading", heading(c));
    contact(c.siteKey(), c.setting("slug", null))
        .ifPresent(i -> m.put("contact", details(i, c.language())));
    return m;
  }

  /** The contact item to show: the one named, else the site's newest. */
  public Optional<ContentView> contact(String siteKey, String slug) {
    if (slug != null) {
      Optional<ContentView> named =
          items.published(siteKey, slug).filter(i -> "contact".equals(i.type()));
      if (named.isPresent()) {
        return named;
      }
    }
    return items.newest(siteKey, "contact", null, 1).stream().findFirst();
  }

  /** A contact item as the card and the footer show it. */
  public Map<String, Object> details(ContentView i, String lang) {
    Map<String, Object> d = items.summary(i, lang);
    for (String f : new String[] {"unit", "phone", "email", "hours"}) {
      d.put(f, PublishedItems.text(i.fields(), f, lang));
    }
    String phone = PublishedItems.text(i.fields(), "phone", lang);
    if (phone != null) {
      d.put("tel", "tel:" + phone.replaceAll("[^0-9+#]", ""));
    }
    PublishedItems.location(i.fields(), "location").ifPresent(l -> d.put("location", l));
    return d;
  }
}
