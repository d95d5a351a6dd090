package tw.gov.civitas.booking.model;

import java.util.List;

/**
 * A booking's fee in New Taiwan dollars: for each range, the venue's fee per slot plus its fee per
 * hour (pro rata by the minute), then the applicant's discount category's percent off, rounded down
 * to the dollar (the city never charges a fraction).
 */
public final class Fees {

  private Fees() {}

  public static int of(Venue venue, List<TimeRange> ranges, String discount) {
    long cents = 0;
    for (TimeRange r : ranges) {
      cents += venue.feePerSlot() * 100L + venue.feePerHour() * 100L * r.minutes() / 60;
    }
    int percentOff = discount == null || discount.isBlank() ? 0 : venue.discounts().get(discount);
    return (int) (cents * (100 - percentOff) / 100 / 100);
  }

  /** What goes back on a cancellation: the venue's refund share before the deadline, else none. */
  public static int refund(Venue venue, int paid, boolean beforeDeadline) {
    return beforeDeadline ? paid * venue.rules().refundPercent() / 100 : 0;
  }
}
