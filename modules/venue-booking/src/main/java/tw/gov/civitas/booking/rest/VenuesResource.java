package tw.gov.civitas.booking.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tw.gov.civitas.booking.data.BookingStore;
import tw.gov.civitas.booking.data.VenueStore;
import tw.gov.civitas.booking.model.TimeRange;
import tw.gov.civitas.booking.model.Venue;
import tw.gov.civitas.booking.model.VenueJson;
import tw.gov.civitas.booking.service.Availability;
import tw.gov.civitas.spi.runtime.InvalidInputException;
import tw.gov.civitas.spi.runtime.NotFoundException;
import tw.gov.civitas.spi.runtime.PlatformClock;
import tw.gov.civitas.spi.runtime.PublicPages;
import tw.gov.civitas.spi.web.Permission;
import tw.gov.civitas.spi.web.Summary;

/** A site's venues for everyone: what they are, when they are free, their calendar feed. */
@RequestScoped
@Path("sites/{site}/booking/venues")
@Produces(MediaType.APPLICATION_JSON)
public class VenuesResource {

  @Inject VenueStore venues;
  @Inject BookingStore bookings;
  @Inject Availability availability;
  @Inject PublicPages pages;
  @Inject PlatformClock clock;

  @GET
  @Summary("The site's venues (VenueRepresentation)")
  @Permission(Permission.PUBLIC)
  public JsonObject list(@PathParam("site") String site) {
    pages.depends(site, Venue.LIST_KEY);
    JsonArrayBuilder items = Json.createArrayBuilder();
    venues.list(site).forEach(v -> items.add(VenueJson.write(v)));
    return Json.createObjectBuilder().add("items", items).build();
  }

  @GET
  @Path("{venue}")
  @Summary("One venue: place, capacity, facilities, opening hours, slots, fees, rules, terms")
  @Permission(Permission.PUBLIC)
  public JsonObject one(@PathParam("site") String site, @PathParam("venue") long id) {
    pages.depends(site, Venue.LIST_KEY);
    return VenueJson.write(venue(site, id));
  }

  @GET
  @Path("{venue}/availability")
  @Summary(
      "A venue's slots day by day, each free, pending, taken, blackout or unavailable: ?from=&to="
          + " (dates, at most 62 days; this week by default)")
  @Permission(Permission.PUBLIC)
  public JsonObject availability(
      @PathParam("site") String site,
      @PathParam("venue") long id,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    Venue v = venue(site, id);
    LocalDate start = date("from", from, LocalDate.now(clock.clock()));
    LocalDate end = date("to", to, start.plusDays(6));
    if (end.isBefore(start) || end.isAfter(start.plusDays(61))) {
      throw InvalidInputException.field("to", "is from 'from' to 61 days after it");
    }
    JsonArrayBuilder days = Json.createArrayBuilder();
    for (Availability.Day d : availability.days(v, start, end)) {
      JsonArrayBuilder slots = Json.createArrayBuilder();
      d.slots()
          .forEach(
              s ->
                  slots.add(
                      Json.createObjectBuilder()
                          .add(
                              "start",
                              OffsetDateTime.ofInstant(s.range().start(), PlatformClock.ZONE)
                                  .toString())
                          .add(
                              "end",
                              OffsetDateTime.ofInstant(s.range().end(), PlatformClock.ZONE)
                                  .toString())
                          .add("name", s.name())
                          .add("status", s.status().wire())));
      days.add(Json.createObjectBuilder().add("date", d.date().toString()).add("slots", slots));
    }
    return Json.createObjectBuilder()
        .add("venue", id)
        .add("from", start.toString())
        .add("to", end.toString())
        .add("days", days)
        .build();
  }

  @GET
  @Path("{venue}/calendar.ics")
  @Produces("text/calendar")
  @Summary("The venue's taken and pending slots as an iCalendar feed (no names)")
  @Permission(Permission.PUBLIC)
  public Response feed(@PathParam("site") String site, @PathParam("venue") long id) {
    Venue v = venue(site, id);
    pages.depends(site, v.cacheKey());
    LocalDate today = LocalDate.now(clock.clock());
    TimeRange span =
        new TimeRange(
            today.minusDays(30).atStartOfDay(PlatformClock.ZONE).toInstant(),
            today
                .plusDays(v.rules().maxAdvanceDays() + 1L)
                .atStartOfDay(PlatformClock.ZONE)
                .toInstant());
    String body = Calendars.venue(v, bookings.held(v.id(), span), clock.now(), site + ".civitas");
    return Response.ok(body, "text/calendar;charset=UTF-8")
        .header("Content-Disposition", "inline; filename=\"venue-" + id + ".ics\"")
        .build();
  }

  private Venue venue(String site, long id) {
    return venues
        .find(site, id)
        .orElseThrow(() -> new NotFoundException("No venue " + id + " on this site"));
  }

  static LocalDate date(String name, String value, LocalDate fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw InvalidInputException.field(name, "is a date, e.g. 2026-12-10");
    }
  }
}
