package tw.gov.civitas.booking.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.util.List;
import tw.gov.civitas.booking.BookingModule;
import tw.gov.civitas.booking.data.BookingStore;
import tw.gov.civitas.booking.data.VenueStore;
import tw.gov.civitas.booking.model.Booking;
import tw.gov.civitas.booking.model.TimeRange;
import tw.gov.civitas.booking.model.Venue;
import tw.gov.civitas.spi.runtime.AuditRecorder;
import tw.gov.civitas.spi.runtime.Authorization;
import tw.gov.civitas.spi.runtime.CurrentUser;
import tw.gov.civitas.spi.runtime.InvalidInputException;
import tw.gov.civitas.spi.runtime.NotFoundException;
import tw.gov.civitas.spi.runtime.PlatformClock;
import tw.gov.civitas.spi.runtime.PublicPages;

/**
 * A venue closed for a while (maintenance, a holiday, a city event): no new booking over it, and
 * every holder of a booking it affects is told, who may then cancel with a full refund or keep it
 * until the agency decides.
 */
@ApplicationScoped
public class Blackouts {

  @Inject VenueStore venues;
  @Inject BookingStore bookings;
  @Inject Authorization authorization;
  @Inject CurrentUser user;
  @Inject PlatformClock clock;
  @Inject AuditRecorder audit;
  @Inject BookingMails mails;
  @Inject PublicPages pages;

  /** A new blackout and the bookings it affects (their holders are mailed). */
  public record Result(VenueStore.Blackout blackout, List<Booking> affected) {}

  @Transactional
  public Result add(String siteKey, long venueId, TimeRange range, String reason) {
    authorization.require(siteKey, BookingModule.MANAGE);
    if (reason == null || reason.isBlank() || reason.length() > 300) {
      throw InvalidInputException.field("reason", "必填，最多 300 字 Required, at most 300 characters");
    }
    // exclusive: no booking of this venue commits while the blackout is set and holders counted
    Venue v =
        venues
            .lock(siteKey, venueId, true)
            .orElseThrow(() -> new NotFoundException("No venue " + venueId + " on this site"));
    long id =
        venues.addBlackout(
            venueId, range, reason.strip(), user.username().orElse("system:booking"), clock.now());
    List<Booking> affected = bookings.holdingOver(venueId, range);
    for (Booking b : affected) {
      mails.about(
          b,
          v,
          "場地暫停開放，影響您的預約",
          "The venue closes during your booking",
          reason.strip()
              + "（可免費取消並全額退款，或等候機關通知 You may cancel with a full refund, or wait for"
              + " the agency's word）");
    }
    pages.changed(siteKey, v.cacheKey());
    VenueStore.Blackout blackout = venues.blackout(venueId, id).orElseThrow();
    audit.record(
        siteKey,
        "booking.blackout.create",
        "booking-blackout",
        String.valueOf(id),
        null,
        Json.createObjectBuilder()
            .add("venue", venueId)
            .add("range", range.literal())
            .add("reason", reason.strip())
            .add(
                "affected",
                Json.createArrayBuilder(affected.stream().map(Booking::number).toList()))
            .build()
            .toString());
    return new Result(blackout, affected);
  }

  @Transactional
  public void remove(String siteKey, long venueId, long id) {
    authorization.require(siteKey, BookingModule.MANAGE);
    Venue v =
        venues
            .find(siteKey, venueId)
            .orElseThrow(() -> new NotFoundException("No venue " + venueId + " on this site"));
    VenueStore.Blackout b =
        venues.blackout(venueId, id).orElseThrow(() -> new NotFoundException("No blackout " + id));
    venues.removeBlackout(venueId, id);
    pages.changed(siteKey, v.cacheKey());
    audit.record(
        siteKey,
        "booking.blackout.delete",
        "booking-blackout",
        String.valueOf(id),
        b.range().literal() + " " + b.reason(),
        null);
  }
}
