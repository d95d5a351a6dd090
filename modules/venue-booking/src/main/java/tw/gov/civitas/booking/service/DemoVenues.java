package tw.gov.civitas.booking.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.logging.Logger;
import tw.gov.civitas.booking.data.BookingStore;
import tw.gov.civitas.booking.data.VenueStore;
import tw.gov.civitas.booking.model.BookingState;
import tw.gov.civitas.booking.model.Fees;
import tw.gov.civitas.booking.model.SlotLayout;
import tw.gov.civitas.booking.model.TimeRange;
import tw.gov.civitas.booking.model.Venue;
import tw.gov.civitas.booking.model.VenueJson;
import tw.gov.civitas.spi.runtime.PlatformClock;

/**
 * Demonstration venues ({@code booking/demo-venues.json}) with a month of bookings around today in
 * every state, on the demo sites that enable the module: a newcomer sees a working calendar. Every
 * venue and booking is marked demo and says so in its text.
 */
@ApplicationScoped
public class DemoVenues {

  private static final Logger LOG = Logger.getLogger(DemoVenues.class.getName());

  @Inject VenueStore venues;
  @Inject BookingStore bookings;
  @Inject PlatformClock clock;

  @Transactional
  public void seed(List<String> siteKeys) {
    JsonObject all;
    try (InputStream in = DemoVenues.class.getResourceAsStream("/booking/demo-venues.json")) {
      all = Json.createReader(in).readObject();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    for (String site : siteKeys) {
      if (!all.containsKey(site) || !venues.list(site).isEmpty()) {
        continue;
      }
      int n = 0;
      for (JsonValue doc : all.getJsonArray(site)) {
        Venue v = VenueJson.read(doc.asJsonObject(), 0, site);
        long id = venues.insert(v, clock.now(), true);
        n += bookings(venues.find(site, id).orElseThrow());
      }
      int count = n;
      LOG.info(() -> "Demo venues on " + site + " with " + count + " bookings");
    }
  }

  /** About every other slot of the four weeks around today, in the states bookings go through. */
  private int bookings(Venue v) {
    LocalDate today = LocalDate.now(clock.clock());
    Instant now = clock.now();
    int made = 0;
    int i = 0;
    for (LocalDate d = today.minusDays(14); d.isBefore(today.plusDays(16)); d = d.plusDays(1)) {
      List<SlotLayout.Slot> slots = SlotLayout.slots(v, d);
      for (int s = 0; s < slots.size(); s++) {
        i++;
        if ((i * 7 + s) % 3 != 0) {
          continue; // leave most slots free
        }
        TimeRange range = v.fixedMode() ? slots.get(s).range() : widen(v, slots, s);
        if (range == null) {
          continue;
        }
        boolean past = range.start().isBefore(now);
        BookingState state = state(i, past, v.approvalRequired());
        int applicant = 1 + i % 7;
        String discount =
            v.discounts().isEmpty() || i % 4 != 0 ? "" : v.discounts().keySet().iterator().next();
        int fee = Fees.of(v, List.of(range), discount);
        long number = bookings.nextNumber();
        long id =
            bookings.insert(
                new BookingStore.NewBooking(
                    "B-" + DateTimeFormatter.BASIC_ISO_DATE.format(d.minusDays(10)) + "-" + number,
                    v.siteKey(),
                    v.id(),
                    "demo-citizen-" + applicant,
                    "",
                    "示範申請人 Demo applicant " + applicant,
                    "04-2228-" + (1000 + applicant),
                    i % 2 == 0 ? "示範社團 Demo club " + applicant : "",
                    "示範資料：例行練習與活動 Demonstration data: practice and events",
                    Math.min(v.capacity(), 5 + i % 20),
                    discount,
                    state,
                    fee,
                    BookingRequests.calendarKey(),
                    List.of(range),
                    true),
                now);
        if (state == BookingState.PAID || state == BookingState.USED && fee > 0) {
          bookings.paid(id, fee, now);
          if (state == BookingState.USED) {
            bookings.transition(id, BookingState.USED, null, now);
          }
        }
        made++;
        s += v.fixedMode() ? 0 : 2; // a flexible booking spans the next slots
      }
    }
    return made;
  }

  private static TimeRange widen(Venue v, List<SlotLayout.Slot> slots, int s) {
    int steps = Math.max(1, v.minMinutes() / v.granularityMinutes());
    if (s + steps > slots.size()) {
      return null;
    }
    return new TimeRange(slots.get(s).range().start(), slots.get(s + steps - 1).range().end());
  }

  private static BookingState state(int i, boolean past, boolean approval) {
    if (past) {
      return switch (i % 6) {
        case 0 -> BookingState.NO_SHOW;
        case 1 -> BookingState.CANCELLED;
        default -> BookingState.USED;
      };
    }
    if (!approval) {
      return i % 2 == 0 ? BookingState.PAID : BookingState.CONFIRMED;
    }
    return switch (i % 4) {
      case 0 -> BookingState.REQUESTED;
      case 1 -> BookingState.APPROVED;
      case 2 -> BookingState.PAID;
      default -> BookingState.REQUESTED;
    };
  }
}
