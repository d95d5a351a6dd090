package tw.gov.civitas.core.pagemodule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tw.gov.civitas.core.content.ContentView;
import tw.gov.civitas.spi.PageModuleContext;

/**
 * Banners: the newest items with the tag {@code banner} (setting {@code tag}) that have a picture,
 * each linking to its page. The theme's script turns the list into a pausable carousel; without it
 * the banners stay a list.
 */
@ApplicationScoped
public class Carousel extends CorePageModule {

  @Inject PublishedItems items;

  @Override
  public Map<String, Object> model(PageModuleContext c) {
    List<Map<String, Object>> slides = new ArrayList<>();
    List<String> media = new ArrayList<>();
    for (ContentView i :
        items.newest(
            c.siteKey(), null, c.setting("tag", "banner"), c.intSetting("limit", 5, 1, 10))) {
      String imageId = PublishedItems.text(i.fields(), "image", c.language());
      items
          .image(c.siteKey(), imageId, c.language())
          .ifPresent(
              img -> {
                Map<String, Object> slide = items.summary(i, c.language());
                slide.put("image", img);
                slides.add(slide);
                media.add(imageId);
              });
    }
    for (int n = 0; n < slides.size(); n++) {
      slides.get(n).put("position", n + 1);
    }
    Map<String, Object> m = new HashMap<>();
    m.put("heading", heading(c));
    m.put("slides", slides);
    m.put("count", slides.size());
    m.put("mediaIds", media); // the page changes with the pictures' text (see the cache tags)
    return m;
  }
}
