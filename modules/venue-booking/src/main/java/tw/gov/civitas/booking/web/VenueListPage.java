package tw.gov.civitas.booking.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.gov.civitas.booking.data.VenueStore;
import tw.gov.civitas.booking.model.Venue;
import tw.gov.civitas.spi.PublicPageModel;
import tw.gov.civitas.spi.runtime.PublicPages;

/** {@code /sites/<site>/online/booking/venues}: every venue of the site. */
@ApplicationScoped
public class VenueListPage implements PublicPageModel {

  @Inject VenueStore venues;
  @Inject PublicPages pages;

  @Override
  public Optional<Page> page(Request request) {
    if (!request.argument().isEmpty()) {
      return Optional.empty();
    }
    pages.depends(request.siteKey(), Venue.LIST_KEY);
    List<Map<String, Object>> cards =
        venues.list(request.siteKey()).stream().map(v -> card(v, request.language())).toList();
    return Optional.of(
        new Page(
            "en".equals(request.language()) ? "Venues to book" : "場地租借", Map.of("venues", cards)));
  }

  Map<String, Object> card(Venue v, String lang) {
    Map<String, Object> card = new HashMap<>();
    card.put("name", v.name(lang));
    card.put("address", v.address());
    card.put("capacity", v.capacity());
    card.put("approval", v.approvalRequired());
    card.put("fee", v.feePerSlot() > 0 ? v.feePerSlot() : v.feePerHour());
    card.put("perHour", v.feePerSlot() == 0 && v.feePerHour() > 0);
    card.put("demo", v.demo());
    card.put(
        "href",
        "/sites/"
            + v.siteKey()
            + "/online/booking/venue/"
            + v.id()
            + ("en".equals(lang) ? "?lang=en" : ""));
    return card;
  }
}
