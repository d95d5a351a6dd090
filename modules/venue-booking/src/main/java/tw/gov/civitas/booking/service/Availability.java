package tw.gov.civitas.booking.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tw.gov.civitas.booking.data.BookingStore;
import tw.gov.civitas.booking.data.VenueStore;
import tw.gov.civitas.booking.model.BookingState;
import tw.gov.civitas.booking.model.SlotLayout;
import tw.gov.civitas.booking.model.TimeRange;
import tw.gov.civitas.booking.model.Venue;
import tw.gov.civitas.spi.runtime.PlatformClock;
import tw.gov.civitas.spi.runtime.PublicPages;

/**
 * What a venue's calendar shows: each slot of each day free, pending (a request holds it: pending
 * requests are never invisible), taken, closed by a blackout, or not bookable (past, within the
 * minimum notice, beyond the advance window).
 */
@ApplicationScoped
public class Availability {

  /** A slot's state on the calendar. */
  public enum Status {
    FREE,
    PENDING,
    TAKEN,
    BLACKOUT,
    UNAVAILABLE;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One slot of the calendar. */
  public record CalendarSlot(TimeRange range, String name, Status status) {}

  /** One day of the calendar; no slots when the venue is closed. */
  public record Day(LocalDate date, List<CalendarSlot> slots) {}

  @Inject BookingStore bookings;
  @Inject VenueStore venues;
  @Inject PlatformClock clock;
  @Inject PublicPages pages;

  /** The days from {@code from} to {@code to}, both included (at most 62). */
  public List<Day> days(Venue v, LocalDate from, LocalDate to) {
    // named before it is read: a booking committed meanwhile leaves this answer stale, not stored
    pages.depends(v.siteKey(), v.cacheKey());
    TimeRange span =
        new TimeRange(
            from.atStartOfDay(PlatformClock.ZONE).toInstant(),
            to.plusDays(1).atStartOfDay(PlatformClock.ZONE).toInstant());
    List<BookingStore.Held> held = bookings.held(v.id(), span);
    List<VenueStore.Blackout> blackouts = venues.blackouts(v.id(), span);
    Instant now = clock.now();
    Instant earliest = now.plus(Duration.ofHours(v.rules().minNoticeHours()));
    Instant latest = now.plus(Duration.ofDays(v.rules().maxAdvanceDays()));
    List<Day> days = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      List<CalendarSlot> slots = new ArrayList<>();
      for (SlotLayout.Slot s : SlotLayout.slots(v, d)) {
        slots.add(
            new CalendarSlot(
                s.range(), s.name(), status(s.range(), held, blackouts, earliest, latest)));
      }
      days.add(new Day(d, slots));
    }
    return days;
  }

  private static Status status(
      TimeRange r,
      List<BookingStore.Held> held,
      List<VenueStore.Blackout> blackouts,
      Instant earliest,
      Instant latest) {
    Status taken = null;
    for (BookingStore.Held h : held) {
      if (h.range().overlaps(r)) {
        taken =
            h.state() == BookingState.REQUESTED && taken == null ? Status.PENDING : Status.TAKEN;
      }
    }
    if (taken != null) {
      return taken;
    }
    if (blackouts.stream().anyMatch(b -> b.range().overlaps(r))) {
      return Status.BLACKOUT;
    }
    if (r.start().isBefore(earliest) || r.start().isAfter(latest)) {
      return Status.UNAVAILABLE;
    }
    return Status.FREE;
  }
}
