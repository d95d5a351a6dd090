package tw.gov.civitas.booking.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tw.gov.civitas.booking.data.VenueStore;
import tw.gov.civitas.booking.model.Venue;
import tw.gov.civitas.booking.service.Availability;
import tw.gov.civitas.spi.PublicPageModel;
import tw.gov.civitas.spi.runtime.MediaLibrary;
import tw.gov.civitas.spi.runtime.PlatformClock;

/**
 * {@code /sites/<site>/online/booking/venue/<id>?week=<monday>}: a venue, its week's calendar (a
 * table: a day per column, each slot free with a link to book it, pending, taken, closed) and its
 * rules. Works without script; each state is said in words, never by colour alone.
 */
@ApplicationScoped
public class VenuePage implements PublicPageModel {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M/d");

  @Inject VenueStore venues;
  @Inject Availability availability;
  @Inject PlatformClock clock;
  @Inject MediaLibrary media;

  @Override
  public Optional<Page> page(Request request) {
    long id;
    try {
      id = Long.parseLong(request.argument());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    Optional<Venue> found = venues.find(request.siteKey(), id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Venue v = found.get();
    String lang = request.language();
    boolean en = "en".equals(lang);
    LocalDate today = LocalDate.now(clock.clock());
    LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    int status = 200;
    String weekError = null;
    if (!request.parameter("week").isBlank()) {
      try {
        monday =
            LocalDate.parse(request.parameter("week"))
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      } catch (DateTimeParseException e) {
        status = 400;
        weekError = en ? "The week is a date, e.g. 2026-12-07" : "週次須為日期，例如 2026-12-07";
      }
    }
    List<Availability.Day> days = availability.days(v, monday, monday.plusDays(6));
    Map<String, Object> m = new HashMap<>();
    m.put("venue", venueModel(v, lang));
    m.put("weekError", weekError);
    m.put("weekLabel", monday + " – " + monday.plusDays(6));
    m.put("weekValue", monday.toString());
    String base = "/sites/" + v.siteKey() + "/online/booking/venue/" + v.id() + "?";
    String langParam = en ? "&lang=en" : "";
    m.put("previousHref", base + "week=" + monday.minusWeeks(1) + langParam);
    m.put("nextHref", base + "week=" + monday.plusWeeks(1) + langParam);
    m.put(
        "feedHref", "/api/v1/sites/" + v.siteKey() + "/booking/venues/" + v.id() + "/calendar.ics");
    m.put("listHref", "/sites/" + v.siteKey() + "/online/booking/venues" + (en ? "?lang=en" : ""));
    m.put(
        "mineHref",
        "/account/services/" + v.siteKey() + "/" + CancellationForm.ID + (en ? "?lang=en" : ""));
    List<Map<String, Object>> columns = new ArrayList<>();
    int rows = 0;
    for (Availability.Day d : days) {
      Map<String, Object> col = new HashMap<>();
      col.put(
          "label",
          d.date()
                  .getDayOfWeek()
                  .getDisplayName(TextStyle.SHORT, en ? Locale.ENGLISH : Locale.TRADITIONAL_CHINESE)
              + " "
              + DAY.format(d.date()));
      col.put("date", d.date().toString());
      List<Map<String, Object>> slots = new ArrayList<>();
      for (Availability.CalendarSlot s : d.slots()) {
        Map<String, Object> slot = new HashMap<>();
        slot.put("name", s.name());
        slot.put("status", s.status().wire());
        slot.put("statusText", statusText(s.status(), en));
        slot.put(
            "bookHref",
            "/account/services/"
                + v.siteKey()
                + "/"
                + BookingRequestForm.ID
                + "?venue="
                + v.id()
                + "&date="
                + d.date()
                + "&slot="
                + s.range().start()
                + (en ? "&lang=en" : ""));
        slots.add(slot);
      }
      rows = Math.max(rows, slots.size());
      col.put("slots", slots);
      columns.add(col);
    }
    m.put("days", columns);
    m.put("closedText", en ? "Closed" : "不開放");
    return Optional.of(new Page(v.name(lang), m, status));
  }

  private Map<String, Object> venueModel(Venue v, String lang) {
    boolean en = "en".equals(lang);
    Map<String, Object> m = new HashMap<>();
    m.put("name", v.name(lang));
    m.put("description", v.description(lang));
    m.put("address", v.address());
    m.put("capacity", v.capacity());
    m.put("facilities", v.facilities());
    m.put("accessibility", v.accessibility());
    m.put("terms", v.terms(lang));
    m.put("approval", v.approvalRequired());
    m.put("demo", v.demo());
    m.put("feePerSlot", v.feePerSlot());
    m.put("feePerHour", v.feePerHour());
    m.put("discounts", v.discounts());
    m.put("rules", v.rules());
    List<Map<String, String>> hours = new ArrayList<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      Venue.Hours h = v.opening().get(d);
      hours.add(
          Map.of(
              "day",
              d.getDisplayName(TextStyle.FULL, en ? Locale.ENGLISH : Locale.TRADITIONAL_CHINESE),
              "hours",
              h == null ? (en ? "Closed" : "不開放") : h.opens() + "–" + h.closes()));
    }
    m.put("hours", hours);
    if (v.latitude() != null && v.longitude() != null) {
      m.put(
          "mapHref",
          "https://www.openstreetmap.org/?mlat="
              + v.latitude()
              + "&mlon="
              + v.longitude()
              + "#map=17/"
              + v.latitude()
              + "/"
              + v.longitude());
    }
    List<Map<String, String>> photos = new ArrayList<>();
    for (String id : v.photoIds()) {
      media
          .find(v.siteKey(), id)
          .ifPresent(
              p -> photos.add(Map.of("src", p.url(), "alt", p.altZh() == null ? "" : p.altZh())));
    }
    m.put("photos", photos);
    return m;
  }

  static String statusText(Availability.Status s, boolean en) {
    return switch (s) {
      case FREE -> en ? "Free" : "可預約";
      case PENDING -> en ? "Pending" : "審核中";
      case TAKEN -> en ? "Booked" : "已預約";
      case BLACKOUT -> en ? "Closed" : "暫停開放";
      case UNAVAILABLE -> en ? "Not bookable" : "不開放預約";
    };
  }
}
