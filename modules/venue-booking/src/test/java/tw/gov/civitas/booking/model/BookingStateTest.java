package tw.gov.civitas.booking.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BookingStateTest {

  @Test
  void theStepsABookingTakes() {
    assertTrue(BookingState.REQUESTED.mayBecome(BookingState.APPROVED));
    assertTrue(BookingState.REQUESTED.mayBecome(BookingState.REJECTED));
    assertTrue(BookingState.APPROVED.mayBecome(BookingState.PAID));
    assertTrue(BookingState.PAID.mayBecome(BookingState.USED));
    assertTrue(BookingState.CONFIRMED.mayBecome(BookingState.NO_SHOW));
    assertTrue(BookingState.PAID.mayBecome(BookingState.CANCELLED));
  }

  @Test
  void theStepsItNeverTakes() {
    assertFalse(BookingState.REQUESTED.mayBecome(BookingState.PAID), "paid before approval");
    assertFalse(BookingState.REQUESTED.mayBecome(BookingState.USED));
    assertFalse(BookingState.REJECTED.mayBecome(BookingState.APPROVED));
    assertFalse(BookingState.CANCELLED.mayBecome(BookingState.CANCELLED));
    assertFalse(BookingState.USED.mayBecome(BookingState.CANCELLED));
    assertFalse(BookingState.APPROVED.mayBecome(BookingState.REJECTED));
  }

  @Test
  void pendingRequestsHoldTheirSlotsAndEndedBookingsDoNot() {
    assertTrue(BookingState.REQUESTED.holds());
    assertTrue(BookingState.PAID.holds());
    assertFalse(BookingState.CANCELLED.holds());
    assertFalse(BookingState.USED.holds());
    assertFalse(BookingState.NO_SHOW.holds());
  }
}
