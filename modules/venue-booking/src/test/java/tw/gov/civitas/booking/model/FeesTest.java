package tw.gov.civitas.booking.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeesTest {

  @Test
  void aSlotFeeCountsEachSlotAndADiscountTakesItsPercentOff() {
    Venue v = VenueFixtures.fixed();
    var morning = SlotLayoutTest.at("2026-12-14T08:00+08:00", "2026-12-14T12:00+08:00");
    var afternoon = SlotLayoutTest.at("2026-12-14T13:00+08:00", "2026-12-14T17:00+08:00");
    assertEquals(500, Fees.of(v, List.of(morning), ""));
    assertEquals(1000, Fees.of(v, List.of(morning, afternoon), ""));
    assertEquals(500, Fees.of(v, List.of(morning, afternoon), "senior"));
  }

  @Test
  void anHourlyFeeCountsTheMinutesAndRoundsDownToTheDollar() {
    Venue v = VenueFixtures.flexible();
    var twoHours = SlotLayoutTest.at("2026-12-14T10:00+08:00", "2026-12-14T12:00+08:00");
    assertEquals(500, Fees.of(v, List.of(twoHours), null));
    assertEquals(350, Fees.of(v, List.of(twoHours), "student")); // 500 less 30 %
    var ninetyMinutes = SlotLayoutTest.at("2026-12-14T10:00+08:00", "2026-12-14T11:30+08:00");
    assertEquals(262, Fees.of(v, List.of(ninetyMinutes), "student")); // 375 × 0.7 = 262.5
  }

  @Test
  void aRefundIsTheVenuesShareBeforeTheDeadlineAndNothingAfter() {
    Venue v = VenueFixtures.flexible();
    assertEquals(400, Fees.refund(v, 500, true));
    assertEquals(0, Fees.refund(v, 500, false));
  }
}
