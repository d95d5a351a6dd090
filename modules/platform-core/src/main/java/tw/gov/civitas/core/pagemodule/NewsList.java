package tw.gov.civitas.core.pagemodule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tw.gov.civitas.spi.PageModuleContext;

/**
 * The newest items of one type (news by default; announcements, events…), with a link to the full
 * list. Settings: {@code type}, {@code tag}, {@code limit}, {@code heading.zh-TW}, {@code
 * heading.en}.
 */
@ApplicationScoped
public class NewsList extends CorePageModule {

  static final List<String> TYPES =
      List.of("news", "announcement", "event", "page", "faq", "download", "link", "contact");

  @Inject PublishedItems items;

  @Override
  public Map<String, Object> model(PageModuleContext c) {
    String type = c.setting("type", "news");
    if (!TYPES.contains(type)) {
      type = "news";
    }
    String tag = c.setting("tag", null);
    Map<String, Object> m = new HashMap<>();
    m.put("type", type);
    m.put("heading", heading(c));
    m.put(
        "items",
        items.newest(c.siteKey(), type, tag, c.intSetting("limit", 5, 1, 20)).stream()
            .map(i -> items.summary(i, c.language()))
            .toList());
    m.put(
        "moreHref", "/sites/" + c.siteKey() + "/list/" + type + PublishedItems.query(c.language()));
    return m;
  }
}
