package tw.gov.civitas.booking.model;

import java.time.Instant;
import java.util.List;

/**
 * One citizen's booking of a venue: the slots it holds, who applied and for what, its state and
 * money.
 *
 * @param number what the citizen and the agency call it, e.g. {@code B-20261210-000123}
 * @param applicant the citizen's user name
 * @param calendarKey the secret in the address of the booking's own iCalendar file
 */
public record Booking(
    long id,
    String number,
    String siteKey,
    long venueId,
    String applicant,
    String email,
    String applicantName,
    String phone,
    String organisation,
    String purpose,
    int attendees,
    String discount,
    BookingState state,
    int fee,
    String paymentId,
    int paidAmount,
    int refundAmount,
    String message,
    String calendarKey,
    List<TimeRange> slots,
    boolean demo,
    Instant createdAt,
    Instant updatedAt) {

  public Instant startsAt() {
    return slots.get(0).start();
  }

  public Instant endsAt() {
    return slots.get(slots.size() - 1).end();
  }

  /** The cache key of what a citizen app reads of this booking is the venue's (availability). */
  public String venueKey() {
    return "booking.venue." + venueId;
  }
}
