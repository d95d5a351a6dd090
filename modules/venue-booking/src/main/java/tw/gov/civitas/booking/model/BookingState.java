package tw.gov.civitas.booking.model;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a booking stands. requested → approved (approval required) or confirmed (instant) → paid
 * (when it has a fee) → used; cancelled, rejected and no-show end it early. Any other step is a
 * conflict (409), decided here and nowhere else.
 */
public enum BookingState {
  REQUESTED,
  APPROVED,
  CONFIRMED,
  PAID,
  USED,
  CANCELLED,
  REJECTED,
  NO_SHOW;

  private static final Map<BookingState, Set<BookingState>> NEXT =
      Map.of(
          REQUESTED, Set.of(APPROVED, REJECTED, CANCELLED),
          APPROVED, Set.of(PAID, USED, NO_SHOW, CANCELLED),
          CONFIRMED, Set.of(PAID, USED, NO_SHOW, CANCELLED),
          PAID, Set.of(USED, NO_SHOW, CANCELLED),
          USED, Set.of(),
          CANCELLED, Set.of(),
          REJECTED, Set.of(),
          NO_SHOW, Set.of());

  /** Whether its slots are held: taken for everyone else (pending requests included). */
  public boolean holds() {
    return this == REQUESTED || this == APPROVED || this == CONFIRMED || this == PAID;
  }

  public boolean mayBecome(BookingState next) {
    return NEXT.get(this).contains(next);
  }

  /** As stored and on the wire: {@code no_show}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static BookingState of(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
