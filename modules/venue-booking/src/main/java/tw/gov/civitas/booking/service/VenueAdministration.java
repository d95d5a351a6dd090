package tw.gov.civitas.booking.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import tw.gov.civitas.booking.BookingModule;
import tw.gov.civitas.booking.data.BookingStore;
import tw.gov.civitas.booking.data.VenueStore;
import tw.gov.civitas.booking.model.Venue;
import tw.gov.civitas.booking.model.VenueJson;
import tw.gov.civitas.spi.runtime.AuditRecorder;
import tw.gov.civitas.spi.runtime.Authorization;
import tw.gov.civitas.spi.runtime.ConflictException;
import tw.gov.civitas.spi.runtime.NotFoundException;
import tw.gov.civitas.spi.runtime.PlatformClock;
import tw.gov.civitas.spi.runtime.PublicPages;

/** The agency's venues: created, changed and removed by staff holding the manage permission. */
@ApplicationScoped
public class VenueAdministration {

  @Inject VenueStore venues;
  @Inject BookingStore bookings;
  @Inject Authorization authorization;
  @Inject PlatformClock clock;
  @Inject AuditRecorder audit;
  @Inject PublicPages pages;

  @Transactional
  public Venue create(String siteKey, JsonObject body) {
    authorization.require(siteKey, BookingModule.MANAGE);
    Venue v = VenueJson.read(body, 0, siteKey);
    long id = venues.insert(v, clock.now(), false);
    Venue created = venues.find(siteKey, id).orElseThrow();
    pages.changed(siteKey); // the venues' page module
    pages.changed(siteKey, Venue.LIST_KEY);
    audit.record(
        siteKey,
        "booking.venue.create",
        "booking-venue",
        String.valueOf(id),
        null,
        VenueJson.write(created).toString());
    return created;
  }

  @Transactional
  public Venue update(String siteKey, long id, JsonObject body) {
    authorization.require(siteKey, BookingModule.MANAGE);
    Venue before =
        venues
            .lock(siteKey, id, true)
            .orElseThrow(() -> new NotFoundException("No venue " + id + " on this site"));
    Venue v = VenueJson.read(body, id, siteKey);
    venues.update(v);
    Venue after = venues.find(siteKey, id).orElseThrow();
    pages.changed(siteKey);
    pages.changed(siteKey, Venue.LIST_KEY);
    pages.changed(siteKey, after.cacheKey());
    audit.record(
        siteKey,
        "booking.venue.update",
        "booking-venue",
        String.valueOf(id),
        VenueJson.write(before).toString(),
        VenueJson.write(after).toString());
    return after;
  }

  /** Removes a venue that holds no booking (cancel or decide them first). */
  @Transactional
  public void delete(String siteKey, long id) {
    authorization.require(siteKey, BookingModule.MANAGE);
    Venue before =
        venues
            .lock(siteKey, id, true)
            .orElseThrow(() -> new NotFoundException("No venue " + id + " on this site"));
    if (bookings.hasHolding(id)
        || bookings.list(siteKey, id, null, null, null, null, 1).size() > 0) {
      throw new ConflictException(
          "場地有預約紀錄，無法刪除 Venue " + id + " has bookings: it stays for their record");
    }
    venues.delete(siteKey, id);
    pages.changed(siteKey);
    pages.changed(siteKey, Venue.LIST_KEY);
    pages.changed(siteKey, before.cacheKey());
    audit.record(
        siteKey,
        "booking.venue.delete",
        "booking-venue",
        String.valueOf(id),
        VenueJson.write(before).toString(),
        null);
  }
}
