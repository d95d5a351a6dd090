package tw.gov.civitas.booking.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class SlotLayoutTest {

  static TimeRange at(String start, String end) {
    return new TimeRange(
        OffsetDateTime.parse(start).toInstant(), OffsetDateTime.parse(end).toInstant());
  }

  @Test
  void aFixedVenueOffersItsNamedSlotsOnOpenDaysInTaipeiTime() {
    var slots = SlotLayout.slots(VenueFixtures.fixed(), LocalDate.of(2026, 12, 14)); // a Monday
    assertEquals(3, slots.size());
    assertEquals("上午", slots.get(0).name());
    assertEquals(at("2026-12-14T08:00+08:00", "2026-12-14T12:00+08:00"), slots.get(0).range());
    assertTrue(
        SlotLayout.slots(VenueFixtures.fixed(), LocalDate.of(2026, 12, 13)).isEmpty(),
        "Sunday is closed");
  }

  @Test
  void aFixedVenueTakesExactlyOneOfItsSlots() {
    Venue v = VenueFixtures.fixed();
    assertTrue(
        SlotLayout.refusal(v, at("2026-12-14T13:00+08:00", "2026-12-14T17:00+08:00")).isEmpty());
    assertTrue(
        SlotLayout.refusal(v, at("2026-12-14T13:00+08:00", "2026-12-14T16:00+08:00")).isPresent());
    assertTrue(
        SlotLayout.refusal(v, at("2026-12-13T13:00+08:00", "2026-12-13T17:00+08:00")).isPresent(),
        "closed day");
  }

  @Test
  void aFlexibleVenueTakesWholeStepsWithinHoursAndDurations() {
    Venue v = VenueFixtures.flexible();
    assertEquals(12, SlotLayout.slots(v, LocalDate.of(2026, 12, 13)).size()); // 09:00 to 21:00
    assertTrue(
        SlotLayout.refusal(v, at("2026-12-14T10:00+08:00", "2026-12-14T12:00+08:00")).isEmpty());
    assertTrue(
        SlotLayout.refusal(v, at("2026-12-14T10:30+08:00", "2026-12-14T12:30+08:00")).isPresent(),
        "off the steps");
    assertTrue(
        SlotLayout.refusal(v, at("2026-12-14T10:00+08:00", "2026-12-14T14:00+08:00")).isPresent(),
        "four hours > three");
    assertTrue(
        SlotLayout.refusal(v, at("2026-12-14T20:00+08:00", "2026-12-14T22:00+08:00")).isPresent(),
        "after closing");
    assertTrue(
        SlotLayout.refusal(v, at("2026-12-14T08:00+08:00", "2026-12-14T09:00+08:00")).isPresent(),
        "before opening");
  }

  @Test
  void rangesOverlapOnlyWhenTheyShareTime() {
    assertTrue(
        at("2026-12-14T10:00+08:00", "2026-12-14T12:00+08:00")
            .overlaps(at("2026-12-14T11:00+08:00", "2026-12-14T13:00+08:00")));
    assertTrue(
        !at("2026-12-14T10:00+08:00", "2026-12-14T12:00+08:00")
            .overlaps(at("2026-12-14T12:00+08:00", "2026-12-14T13:00+08:00")));
  }
}
