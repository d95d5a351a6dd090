package tw.gov.civitas.booking.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import tw.gov.civitas.booking.data.VenueStore;
import tw.gov.civitas.spi.PageModuleContext;
import tw.gov.civitas.spi.PageModuleModel;

/** 場地租借 on a site's pages: its venues, each linked to its calendar. */
@ApplicationScoped
public class VenuesPageModule implements PageModuleModel {

  @Inject VenueStore venues;
  @Inject VenueListPage list;

  @Override
  public Map<String, Object> model(String siteKey, String language) {
    return model(new PageModuleContext(siteKey, language, "home", Map.of()));
  }

  @Override
  public Map<String, Object> model(PageModuleContext context) {
    int limit = context.intSetting("limit", 4, 1, 12);
    List<Map<String, Object>> shown =
        venues.list(context.siteKey()).stream()
            .limit(limit)
            .map(v -> list.card(v, context.language()))
            .toList();
    return Map.of(
        "venues",
        shown,
        "allHref",
        "/sites/"
            + context.siteKey()
            + "/online/booking/venues"
            + ("en".equals(context.language()) ? "?lang=en" : ""));
  }
}
