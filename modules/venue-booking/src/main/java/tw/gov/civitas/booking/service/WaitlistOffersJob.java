package tw.gov.civitas.booking.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import tw.gov.civitas.booking.data.BookingStore;
import tw.gov.civitas.booking.data.VenueStore;
import tw.gov.civitas.spi.job.JobRun;
import tw.gov.civitas.spi.job.ScheduledJob;

/** Offers not taken up within a day expire, and the slot goes to the next citizen waiting. */
@ApplicationScoped
public class WaitlistOffersJob implements ScheduledJob {

  @Inject BookingStore bookings;
  @Inject VenueStore venues;
  @Inject Waitlists waitlists;

  @Override
  public void run(JobRun run) {
    Instant before = run.now().minus(Waitlists.OFFER);
    for (BookingStore.Waiting w : bookings.offersBefore(before)) {
      bookings.waitlistState(w.id(), "expired", null);
      venues
          .find(w.siteKey(), w.venueId())
          .ifPresent(
              v -> {
                if (bookings.held(v.id(), w.range()).isEmpty()) {
                  waitlists.offerNext(v, w.range());
                }
              });
    }
  }
}
