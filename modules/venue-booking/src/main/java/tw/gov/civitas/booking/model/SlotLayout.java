package tw.gov.civitas.booking.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tw.gov.civitas.spi.runtime.PlatformClock;

/**
 * The slots a venue offers on a day and whether a requested range fits its layout: in fixed mode
 * exactly one of the day's named slots, in flexible mode a whole number of steps of its
 * granularity, from its opening time, between its shortest and longest booking.
 */
public final class SlotLayout {

  /** One slot of a day as the calendar shows it. */
  public record Slot(TimeRange range, String name) {}

  private SlotLayout() {}

  /** The day's slots in order; none on a closed day. */
  public static List<Slot> slots(Venue venue, LocalDate day) {
    Venue.Hours hours = venue.opening().get(day.getDayOfWeek());
    List<Slot> slots = new ArrayList<>();
    if (hours == null) {
      return slots;
    }
    if (venue.fixedMode()) {
      for (Venue.FixedSlot f : venue.fixedSlots()) {
        slots.add(new Slot(range(day, f.start(), f.end()), f.name()));
      }
      return slots;
    }
    for (LocalTime t = hours.opens();
        !t.plusMinutes(venue.granularityMinutes()).isAfter(hours.closes())
            && t.plusMinutes(venue.granularityMinutes()).isAfter(t);
        t = t.plusMinutes(venue.granularityMinutes())) {
      LocalTime end = t.plusMinutes(venue.granularityMinutes());
      slots.add(new Slot(range(day, t, end), t + "–" + end));
    }
    return slots;
  }

  /**
   * Why a range does not fit the venue's layout, or empty when it does.
   *
   * @return a message for the caller (zh-TW and English)
   */
  public static Optional<String> refusal(Venue venue, TimeRange requested) {
    LocalDateTime start = requested.localStart();
    LocalDateTime end = requested.localEnd();
    LocalDate day = start.toLocalDate();
    Venue.Hours hours = venue.opening().get(day.getDayOfWeek());
    if (hours == null) {
      return Optional.of("場地當日不開放 The venue is closed on " + day);
    }
    if (venue.fixedMode()) {
      return slots(venue, day).stream().anyMatch(s -> s.range().equals(requested))
          ? Optional.empty()
          : Optional.of("不是場地的時段 Not one of the venue's slots on " + day);
    }
    if (!end.toLocalDate().equals(day) && !end.toLocalTime().equals(LocalTime.MIDNIGHT)) {
      return Optional.of("須在同一天 A booking starts and ends on the same day");
    }
    LocalTime from = start.toLocalTime();
    LocalTime to = end.toLocalTime();
    if (from.isBefore(hours.opens())
        || to.isAfter(hours.closes()) && !to.equals(LocalTime.MIDNIGHT)) {
      return Optional.of("超出開放時間 Outside opening hours " + hours.opens() + "–" + hours.closes());
    }
    long offset = java.time.Duration.between(hours.opens(), from).toMinutes();
    long minutes = requested.minutes();
    if (offset % venue.granularityMinutes() != 0 || minutes % venue.granularityMinutes() != 0) {
      return Optional.of(
          "須以 "
              + venue.granularityMinutes()
              + " 分鐘為單位 Bookings go in steps of "
              + venue.granularityMinutes()
              + " minutes from "
              + hours.opens());
    }
    if (minutes < venue.minMinutes() || minutes > venue.maxMinutes()) {
      return Optional.of(
          "時長須為 "
              + venue.minMinutes()
              + "–"
              + venue.maxMinutes()
              + " 分鐘 A booking lasts "
              + venue.minMinutes()
              + " to "
              + venue.maxMinutes()
              + " minutes");
    }
    return Optional.empty();
  }

  private static TimeRange range(LocalDate day, LocalTime start, LocalTime end) {
    LocalDateTime s = day.atTime(start);
    LocalDateTime e =
        end.equals(LocalTime.MIDNIGHT) ? day.plusDays(1).atStartOfDay() : day.atTime(end);
    return new TimeRange(
        s.atZone(PlatformClock.ZONE).toInstant(), e.atZone(PlatformClock.ZONE).toInstant());
  }
}
