package tw.gov.civitas.booking.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import tw.gov.civitas.booking.data.BookingStore;
import tw.gov.civitas.booking.data.VenueStore;
import tw.gov.civitas.booking.model.Booking;
import tw.gov.civitas.booking.model.BookingJson;
import tw.gov.civitas.booking.model.SlotLayout;
import tw.gov.civitas.booking.model.TimeRange;
import tw.gov.civitas.booking.model.Venue;
import tw.gov.civitas.booking.service.BookingLifecycle;
import tw.gov.civitas.booking.service.BookingRequests;
import tw.gov.civitas.spi.runtime.AuditRecorder;
import tw.gov.civitas.spi.runtime.ConflictException;
import tw.gov.civitas.spi.runtime.CurrentUser;
import tw.gov.civitas.spi.runtime.NotFoundException;
import tw.gov.civitas.spi.runtime.Payments;
import tw.gov.civitas.spi.runtime.PlatformClock;
import tw.gov.civitas.spi.web.Permission;
import tw.gov.civitas.spi.web.Summary;

/** A citizen's bookings on a site: request, read, pay, cancel, wait for a taken slot. */
@RequestScoped
@Path("sites/{site}/booking/bookings")
@Produces(MediaType.APPLICATION_JSON)
public class BookingsResource {

  static final Set<String> REQUEST =
      Set.of(
          "venue",
          "slots",
          "applicantName",
          "phone",
          "organisation",
          "purpose",
          "attendees",
          "discount",
          "termsAccepted");

  @Inject BookingRequests requests;
  @Inject BookingLifecycle lifecycle;
  @Inject BookingStore bookings;
  @Inject VenueStore venues;
  @Inject CurrentUser user;
  @Inject PlatformClock clock;
  @Inject AuditRecorder audit;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Summary(
      "Request a venue's slots: {venue, slots: [{start, end}], applicantName, phone, organisation,"
          + " purpose, attendees, discount, termsAccepted}; 409 when a slot is taken")
  @Permission(Permission.CITIZEN)
  public Response request(@PathParam("site") String site, JsonObject body) {
    Body in = new Body(body, REQUEST);
    long venue = in.number("venue");
    var slots = in.ranges("slots");
    String name = in.text("applicantName");
    String phone = in.text("phone");
    String organisation = in.text("organisation");
    String purpose = in.text("purpose");
    long attendees = in.number("attendees");
    String discount = in.text("discount");
    boolean accepted = in.yes("termsAccepted");
    in.check();
    Booking b =
        requests.request(
            site,
            new BookingRequests.Request(
                venue,
                slots,
                name,
                phone,
                organisation,
                purpose,
                (int) Math.max(0, Math.min(Integer.MAX_VALUE, attendees)),
                discount,
                accepted));
    return Response.status(201).entity(BookingJson.write(b, null)).build();
  }

  @GET
  @Path("mine")
  @Summary("The signed-in citizen's bookings on this site")
  @Permission(Permission.CITIZEN)
  public JsonObject mine(@PathParam("site") String site) {
    JsonArrayBuilder items = Json.createArrayBuilder();
    bookings
        .list(site, null, null, null, null, user.username().orElseThrow(), 500)
        .forEach(b -> items.add(BookingJson.write(b, null)));
    return Json.createObjectBuilder().add("items", items).build();
  }

  @GET
  @Path("{number}")
  @Summary("One of the citizen's bookings")
  @Permission(Permission.CITIZEN)
  public JsonObject one(@PathParam("site") String site, @PathParam("number") String number) {
    Booking b = own(site, number);
    return BookingJson.write(b, venues.find(site, b.venueId()).orElse(null));
  }

  @POST
  @Path("{number}/cancel")
  @Consumes(MediaType.APPLICATION_JSON)
  @Summary("Cancel one's booking {reason}; refunded by the venue's rules")
  @Permission(Permission.CITIZEN)
  public JsonObject cancel(
      @PathParam("site") String site, @PathParam("number") String number, JsonObject body) {
    Body in = new Body(body, Set.of("reason"));
    String reason = in.text("reason");
    in.check();
    own(site, number);
    return BookingJson.write(lifecycle.cancel(site, number, reason), null);
  }

  @POST
  @Path("{number}/payment")
  @Summary("Where to pay one's approved or confirmed booking: {id, amount, state, payUrl}")
  @Permission(Permission.CITIZEN)
  public JsonObject payment(@PathParam("site") String site, @PathParam("number") String number) {
    Payments.Payment p = lifecycle.pay(site, number);
    return Json.createObjectBuilder()
        .add("id", p.id())
        .add("amount", p.amount())
        .add("state", p.state().name().toLowerCase(java.util.Locale.ROOT))
        .add("payUrl", p.payUrl())
        .build();
  }

  @GET
  @Path("{number}/calendar.ics")
  @Produces("text/calendar")
  @Summary("One booking as an iCalendar file, by the secret key in its confirmation (?key=)")
  @Permission(Permission.PUBLIC)
  public Response calendar(
      @PathParam("site") String site,
      @PathParam("number") String number,
      @QueryParam("key") String key) {
    Booking b =
        bookings
            .find(site, number)
            .filter(
                x ->
                    key != null
                        && MessageDigest.isEqual(
                            x.calendarKey().getBytes(StandardCharsets.UTF_8),
                            key.getBytes(StandardCharsets.UTF_8)))
            .orElseThrow(() -> new NotFoundException("No booking " + number + " with that key"));
    Venue v = venues.find(site, b.venueId()).orElseThrow();
    return Response.ok(
            Calendars.booking(b, v, clock.now(), site + ".civitas"), "text/calendar;charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + b.number() + ".ics\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  @POST
  @Path("waitlist")
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Summary("Wait for a taken slot {venue, start, end}: offered it first when it comes free")
  @Permission(Permission.CITIZEN)
  public Response waitFor(@PathParam("site") String site, JsonObject body) {
    Body in = new Body(body, Set.of("venue", "start", "end"));
    long venueId = in.number("venue");
    TimeRange range = in.range("start", "end");
    in.check();
    Venue v =
        venues
            .find(site, venueId)
            .orElseThrow(() -> new NotFoundException("No venue " + venueId + " on this site"));
    if (SlotLayout.refusal(v, range).isPresent()) {
      throw tw.gov.civitas.spi.runtime.InvalidInputException.field(
          "start", SlotLayout.refusal(v, range).get());
    }
    if (bookings.held(venueId, range).isEmpty()) {
      throw new ConflictException("時段目前可預約，請直接預約 The slot is free: book it");
    }
    String applicant = user.username().orElseThrow();
    long id =
        bookings.waitFor(site, venueId, range, applicant, user.email().orElse(""), clock.now());
    audit.record(
        site,
        "booking.waitlist.join",
        "booking-waitlist",
        String.valueOf(id),
        null,
        Json.createObjectBuilder()
            .add("venue", venueId)
            .add("slot", range.literal())
            .build()
            .toString());
    return Response.status(201)
        .entity(Json.createObjectBuilder().add("id", id).add("state", "waiting").build())
        .build();
  }

  private Booking own(String site, String number) {
    return bookings
        .find(site, number)
        .filter(b -> user.username().map(b.applicant()::equals).orElse(false))
        .orElseThrow(
            () -> new NotFoundException("No booking " + number + " of yours on this site"));
  }
}
