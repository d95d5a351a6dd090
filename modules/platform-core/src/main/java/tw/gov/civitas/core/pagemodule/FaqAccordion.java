package tw.gov.civitas.core.pagemodule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import tw.gov.civitas.spi.PageModuleContext;

/**
 * Frequently asked questions as native disclosure widgets (keyboard and screen readers work without
 * script). Settings: {@code category}, {@code limit}, {@code heading.*}.
 */
@ApplicationScoped
public class FaqAccordion extends CorePageModule {

  @Inject PublishedItems items;

  @Override
  public Map<String, Object> model(PageModuleContext c) {
    String category = c.setting("category", null);
    Map<String, Object> m = new HashMap<>();
    m.put("heading", heading(c));
    m.put(
        "questions",
        items.newest(c.siteKey(), "faq", null, 100).stream()
            .filter(
                i ->
                    category == null
                        || category.equals(
                            PublishedItems.text(i.fields(), "category", c.language())))
            .limit(c.intSetting("limit", 6, 1, 30))
            .map(
                i -> {
                  Map<String, Object> q = items.summary(i, c.language());
                  // sanitized when saved, like every rich text
                  q.put("answer", PublishedItems.text(i.fields(), "body", c.language()));
                  q.put("category", PublishedItems.text(i.fields(), "category", c.language()));
                  return q;
                })
            .toList());
    m.put("moreHref", "/sites/" + c.siteKey() + "/list/faq" + PublishedItems.query(c.language()));
    return m;
  }
}
