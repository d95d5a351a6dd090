package tw.gov.civitas.booking.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import tw.gov.civitas.booking.data.BookingStore;
import tw.gov.civitas.booking.model.Booking;
import tw.gov.civitas.booking.model.TimeRange;
import tw.gov.civitas.booking.model.Venue;
import tw.gov.civitas.spi.runtime.AuditRecorder;
import tw.gov.civitas.spi.runtime.PlatformClock;

/**
 * Citizens waiting for a taken slot: when it comes free (a cancellation, a rejection, an offer that
 * expired) the first of them is offered it and the slot is kept for them for a day.
 */
@ApplicationScoped
public class Waitlists {

  /** How long an offered slot is kept for the citizen it was offered to. */
  static final Duration OFFER = Duration.ofHours(24);

  @Inject BookingStore bookings;
  @Inject BookingMails mails;
  @Inject PlatformClock clock;
  @Inject AuditRecorder audit;

  /** The slots of a booking that stopped holding: each offered to its waitlist's first citizen. */
  void freed(Booking b, Venue v) {
    for (TimeRange slot : b.slots()) {
      offerNext(v, slot);
    }
  }

  void offerNext(Venue v, TimeRange slot) {
    if (!slot.start().isAfter(clock.now())) {
      return;
    }
    bookings
        .firstWaiting(v.id(), slot)
        .ifPresent(
            w -> {
              Instant now = clock.now();
              bookings.waitlistState(w.id(), "offered", now);
              mails.offer(w, v);
              audit.record(
                  v.siteKey(),
                  "booking.waitlist.offer",
                  "booking-waitlist",
                  String.valueOf(w.id()),
                  null,
                  jakarta.json.Json.createObjectBuilder()
                      .add("venue", v.id())
                      .add("slot", slot.literal())
                      .add("applicant", w.applicant())
                      .build()
                      .toString());
            });
  }
}
