package tw.gov.civitas.booking.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tw.gov.civitas.booking.BookingModule;
import tw.gov.civitas.booking.data.BookingStore;
import tw.gov.civitas.booking.data.VenueStore;
import tw.gov.civitas.booking.model.Booking;
import tw.gov.civitas.booking.model.BookingState;
import tw.gov.civitas.booking.model.SlotLayout;
import tw.gov.civitas.booking.model.TimeRange;
import tw.gov.civitas.booking.model.Venue;
import tw.gov.civitas.spi.runtime.Authorization;
import tw.gov.civitas.spi.runtime.PlatformClock;

/**
 * Each venue's use in a month: bookings that happened or will (not cancelled, rejected or missed),
 * the hours they hold, occupancy (those hours over the hours the venue was open, blackouts not
 * counted as open) and the fees kept (paid less refunded).
 */
@ApplicationScoped
public class UsageReport {

  static final Set<BookingState> COUNTED =
      EnumSet.of(
          BookingState.REQUESTED,
          BookingState.APPROVED,
          BookingState.CONFIRMED,
          BookingState.PAID,
          BookingState.USED);

  @Inject VenueStore venues;
  @Inject BookingStore bookings;
  @Inject Authorization authorization;

  /** One venue's month. */
  public record Line(
      long venueId,
      String venueName,
      int bookings,
      double hours,
      double openHours,
      double occupancy,
      long fees) {}

  public List<Line> month(String siteKey, YearMonth month) {
    authorization.require(siteKey, BookingModule.MANAGE);
    List<Line> lines = new ArrayList<>();
    java.time.Instant from = month.atDay(1).atStartOfDay(PlatformClock.ZONE).toInstant();
    java.time.Instant to =
        month.plusMonths(1).atDay(1).atStartOfDay(PlatformClock.ZONE).toInstant();
    TimeRange span = new TimeRange(from, to);
    for (Venue v : venues.list(siteKey)) {
      int count = 0;
      long minutes = 0;
      long fees = 0;
      for (Booking b : bookings.list(siteKey, v.id(), null, from, to, null, 100_000)) {
        if (!COUNTED.contains(b.state()) || b.startsAt().isBefore(from)) {
          continue;
        }
        count++;
        minutes += b.slots().stream().mapToLong(TimeRange::minutes).sum();
        fees += b.paidAmount() - b.refundAmount();
      }
      long open = 0;
      List<VenueStore.Blackout> blackouts = venues.blackouts(v.id(), span);
      for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
        for (SlotLayout.Slot s : SlotLayout.slots(v, d)) {
          if (blackouts.stream().noneMatch(b -> b.range().overlaps(s.range()))) {
            open += s.range().minutes();
          }
        }
      }
      double hours = minutes / 60.0;
      double openHours = open / 60.0;
      lines.add(
          new Line(
              v.id(),
              v.nameZh(),
              count,
              hours,
              openHours,
              openHours == 0 ? 0 : Math.round(1000.0 * minutes / open) / 10.0,
              fees));
    }
    return lines;
  }

  /** The month as CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheet programs read 中文). */
  public String csv(String siteKey, YearMonth month) {
    StringBuilder out = new StringBuilder("\uFEFF");
    out.append("month,venue_id,venue,bookings,hours,open_hours,occupancy_percent,fees_twd\r\n");
    for (Line l : month(siteKey, month)) {
      out.append(month)
          .append(',')
          .append(l.venueId())
          .append(',')
          .append(quote(l.venueName()))
          .append(',')
          .append(l.bookings())
          .append(',')
          .append(l.hours())
          .append(',')
          .append(l.openHours())
          .append(',')
          .append(l.occupancy())
          .append(',')
          .append(l.fees())
          .append("\r\n");
    }
    return out.toString();
  }

  static String quote(String s) {
    // a leading = + - @ would be a formula in a spreadsheet
    String safe = s.matches("^[=+\\-@].*") ? "'" + s : s;
    return "\"" + safe.replace("\"", "\"\"") + "\"";
  }
}
