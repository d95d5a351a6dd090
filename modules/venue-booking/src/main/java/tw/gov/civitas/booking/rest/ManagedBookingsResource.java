package tw.gov.civitas.booking.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import tw.gov.civitas.booking.BookingModule;
import tw.gov.civitas.booking.data.BookingStore;
import tw.gov.civitas.booking.data.VenueStore;
import tw.gov.civitas.booking.model.Booking;
import tw.gov.civitas.booking.model.BookingJson;
import tw.gov.civitas.booking.model.BookingState;
import tw.gov.civitas.booking.service.BookingLifecycle;
import tw.gov.civitas.booking.service.UsageReport;
import tw.gov.civitas.spi.runtime.InvalidInputException;
import tw.gov.civitas.spi.runtime.NotFoundException;
import tw.gov.civitas.spi.runtime.PlatformClock;
import tw.gov.civitas.spi.web.Permission;
import tw.gov.civitas.spi.web.Summary;

/**
 * The agency's side of bookings: the requests, its decisions, cancellations and the usage report.
 */
@RequestScoped
@Path("manage/sites/{site}/booking")
@Produces(MediaType.APPLICATION_JSON)
public class ManagedBookingsResource {

  @Inject BookingStore bookings;
  @Inject VenueStore venues;
  @Inject BookingLifecycle lifecycle;
  @Inject UsageReport report;
  @Inject PlatformClock clock;

  @GET
  @Path("bookings")
  @Summary("The site's bookings: ?venue=&state=&from=&to= (dates)")
  @Permission(BookingModule.DECIDE)
  public JsonObject list(
      @PathParam("site") String site,
      @QueryParam("venue") Long venue,
      @QueryParam("state") String state,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    if (state != null) {
      try {
        BookingState.of(state);
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.field(
            "state",
            "is one of requested, approved, confirmed, paid, used, cancelled, rejected, no_show");
      }
    }
    LocalDate f = VenuesResource.date("from", from, null);
    LocalDate t = VenuesResource.date("to", to, null);
    JsonArrayBuilder items = Json.createArrayBuilder();
    bookings
        .list(
            site,
            venue,
            state,
            f == null ? null : f.atStartOfDay(PlatformClock.ZONE).toInstant(),
            t == null ? null : t.plusDays(1).atStartOfDay(PlatformClock.ZONE).toInstant(),
            null,
            1000)
        .forEach(b -> items.add(BookingJson.write(b, null)));
    return Json.createObjectBuilder().add("items", items).build();
  }

  @GET
  @Path("bookings/{number}")
  @Summary("One booking of the site")
  @Permission(BookingModule.DECIDE)
  public JsonObject one(@PathParam("site") String site, @PathParam("number") String number) {
    Booking b =
        bookings
            .find(site, number)
            .orElseThrow(() -> new NotFoundException("No booking " + number + " on this site"));
    return BookingJson.write(b, venues.find(site, b.venueId()).orElse(null));
  }

  @POST
  @Path("bookings/{number}/decision")
  @Consumes(MediaType.APPLICATION_JSON)
  @Summary(
      "Decide a booking {decision: approve | reject | used | no-show, message}; 409 for a step its state does not allow")
  @Permission(BookingModule.DECIDE)
  public JsonObject decide(
      @PathParam("site") String site, @PathParam("number") String number, JsonObject body) {
    Body in = new Body(body, Set.of("decision", "message"));
    String decision = in.text("decision");
    String message = in.text("message");
    in.check();
    BookingLifecycle.Decision d;
    try {
      d = BookingLifecycle.Decision.valueOf(decision.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.field("decision", "is approve, reject, used or no-show");
    }
    return BookingJson.write(lifecycle.decide(site, number, d, message), null);
  }

  @POST
  @Path("bookings/{number}/cancel")
  @Consumes(MediaType.APPLICATION_JSON)
  @Summary("Cancel a booking on the agency's side {reason}: a paid fee is refunded in full")
  @Permission(BookingModule.DECIDE)
  public JsonObject cancel(
      @PathParam("site") String site, @PathParam("number") String number, JsonObject body) {
    Body in = new Body(body, Set.of("reason"));
    String reason = in.text("reason");
    in.check();
    return BookingJson.write(lifecycle.cancel(site, number, reason), null);
  }

  @GET
  @Path("reports/usage")
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  @Summary(
      "Each venue's month: bookings, hours, occupancy %, fees; ?month=2026-12, ?format=csv for a spreadsheet")
  @Permission(BookingModule.MANAGE)
  public Response usage(
      @PathParam("site") String site,
      @QueryParam("month") String month,
      @QueryParam("format") String format) {
    YearMonth m;
    try {
      m = month == null || month.isBlank() ? YearMonth.now(clock.clock()) : YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw InvalidInputException.field("month", "is a month, e.g. 2026-12");
    }
    if ("csv".equals(format)) {
      return Response.ok(report.csv(site, m), "text/csv;charset=UTF-8")
          .header(
              "Content-Disposition",
              "attachment; filename=\"venue-usage-" + site + "-" + m + ".csv\"")
          .build();
    }
    if (format != null && !format.isBlank() && !"json".equals(format)) {
      throw InvalidInputException.field("format", "is json or csv");
    }
    JsonArrayBuilder lines = Json.createArrayBuilder();
    report
        .month(site, m)
        .forEach(
            l ->
                lines.add(
                    Json.createObjectBuilder()
                        .add("venue", l.venueId())
                        .add("venueName", l.venueName())
                        .add("bookings", l.bookings())
                        .add("hours", l.hours())
                        .add("openHours", l.openHours())
                        .add("occupancyPercent", l.occupancy())
                        .add("fees", l.fees())));
    return Response.ok(
            Json.createObjectBuilder().add("month", m.toString()).add("venues", lines).build(),
            MediaType.APPLICATION_JSON)
        .build();
  }
}
