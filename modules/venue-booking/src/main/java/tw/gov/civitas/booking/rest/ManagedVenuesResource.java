package tw.gov.civitas.booking.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.Set;
import tw.gov.civitas.booking.BookingModule;
import tw.gov.civitas.booking.data.BookingStore;
import tw.gov.civitas.booking.data.VenueStore;
import tw.gov.civitas.booking.model.TimeRange;
import tw.gov.civitas.booking.model.Venue;
import tw.gov.civitas.booking.model.VenueJson;
import tw.gov.civitas.booking.service.Blackouts;
import tw.gov.civitas.booking.service.VenueAdministration;
import tw.gov.civitas.spi.runtime.NotFoundException;
import tw.gov.civitas.spi.runtime.PlatformClock;
import tw.gov.civitas.spi.web.Permission;
import tw.gov.civitas.spi.web.Summary;

/** The agency's venues and their blackouts. */
@RequestScoped
@Path("manage/sites/{site}/booking/venues")
@Produces(MediaType.APPLICATION_JSON)
public class ManagedVenuesResource {

  @Inject VenueAdministration administration;
  @Inject VenueStore venues;
  @Inject BookingStore bookings;
  @Inject Blackouts blackouts;
  @Inject PlatformClock clock;

  @GET
  @Summary("The site's venues")
  @Permission(BookingModule.MANAGE)
  public JsonObject list(@PathParam("site") String site) {
    JsonArrayBuilder items = Json.createArrayBuilder();
    venues.list(site).forEach(v -> items.add(VenueJson.write(v)));
    return Json.createObjectBuilder().add("items", items).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Summary("Add a venue (VenueRepresentation); unknown properties refused")
  @Permission(BookingModule.MANAGE)
  public Response create(@PathParam("site") String site, JsonObject body) {
    return Response.status(201).entity(VenueJson.write(administration.create(site, body))).build();
  }

  @PUT
  @Path("{venue}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Summary("Change a venue (the whole VenueRepresentation)")
  @Permission(BookingModule.MANAGE)
  public JsonObject update(
      @PathParam("site") String site, @PathParam("venue") long id, JsonObject body) {
    return VenueJson.write(administration.update(site, id, body));
  }

  @DELETE
  @Path("{venue}")
  @Summary("Remove a venue without bookings")
  @Permission(BookingModule.MANAGE)
  public Response delete(@PathParam("site") String site, @PathParam("venue") long id) {
    administration.delete(site, id);
    return Response.noContent().build();
  }

  @GET
  @Path("{venue}/blackouts")
  @Summary("A venue's blackouts from today on")
  @Permission(BookingModule.MANAGE)
  public JsonObject blackouts(@PathParam("site") String site, @PathParam("venue") long id) {
    Venue v =
        venues
            .find(site, id)
            .orElseThrow(() -> new NotFoundException("No venue " + id + " on this site"));
    LocalDate today = LocalDate.now(clock.clock());
    JsonArrayBuilder items = Json.createArrayBuilder();
    venues
        .blackouts(
            v.id(),
            new TimeRange(
                today.atStartOfDay(PlatformClock.ZONE).toInstant(),
                today.plusYears(5).atStartOfDay(PlatformClock.ZONE).toInstant()))
        .forEach(b -> items.add(blackout(b)));
    return Json.createObjectBuilder().add("items", items).build();
  }

  @POST
  @Path("{venue}/blackouts")
  @Consumes(MediaType.APPLICATION_JSON)
  @Summary(
      "Close a venue {start, end, reason}: no new bookings; holders of affected bookings mailed")
  @Permission(BookingModule.MANAGE)
  public Response addBlackout(
      @PathParam("site") String site, @PathParam("venue") long id, JsonObject body) {
    Body in = new Body(body, Set.of("start", "end", "reason"));
    TimeRange range = in.range("start", "end");
    String reason = in.text("reason");
    in.check();
    Blackouts.Result r = blackouts.add(site, id, range, reason);
    JsonArrayBuilder affected = Json.createArrayBuilder();
    r.affected().forEach(b -> affected.add(b.number()));
    return Response.status(201)
        .entity(Json.createObjectBuilder(blackout(r.blackout())).add("affected", affected).build())
        .build();
  }

  @DELETE
  @Path("{venue}/blackouts/{blackout}")
  @Summary("Remove a blackout")
  @Permission(BookingModule.MANAGE)
  public Response removeBlackout(
      @PathParam("site") String site,
      @PathParam("venue") long id,
      @PathParam("blackout") long blackout) {
    blackouts.remove(site, id, blackout);
    return Response.noContent().build();
  }

  @GET
  @Path("{venue}/waitlist")
  @Summary("Who waits for a venue's taken slots, in order")
  @Permission(BookingModule.DECIDE)
  public JsonObject waitlist(@PathParam("site") String site, @PathParam("venue") long id) {
    venues
        .find(site, id)
        .orElseThrow(() -> new NotFoundException("No venue " + id + " on this site"));
    JsonArrayBuilder items = Json.createArrayBuilder();
    bookings
        .waitlist(id)
        .forEach(
            w ->
                items.add(
                    Json.createObjectBuilder()
                        .add("id", w.id())
                        .add("start", w.range().start().toString())
                        .add("end", w.range().end().toString())
                        .add("applicant", w.applicant())
                        .add("state", w.state())));
    return Json.createObjectBuilder().add("items", items).build();
  }

  static JsonObject blackout(VenueStore.Blackout b) {
    return Json.createObjectBuilder()
        .add("id", b.id())
        .add("venue", b.venueId())
        .add("start", b.range().start().toString())
        .add("end", b.range().end().toString())
        .add("reason", b.reason())
        .build();
  }
}
