package tw.gov.civitas.booking.model;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** A booking on the wire ({@code BookingRepresentation}): the applicant's own view and staff's. */
public final class BookingJson {

  private BookingJson() {}

  public static JsonObject write(Booking b, Venue v) {
    JsonArrayBuilder slots = Json.createArrayBuilder();
    b.slots()
        .forEach(
            s ->
                slots.add(
                    Json.createObjectBuilder()
                        .add(
                            "start",
                            java.time.OffsetDateTime.ofInstant(
                                    s.start(), tw.gov.civitas.spi.runtime.PlatformClock.ZONE)
                                .toString())
                        .add(
                            "end",
                            java.time.OffsetDateTime.ofInstant(
                                    s.end(), tw.gov.civitas.spi.runtime.PlatformClock.ZONE)
                                .toString())));
    JsonObjectBuilder o =
        Json.createObjectBuilder()
            .add("number", b.number())
            .add("site", b.siteKey())
            .add("venue", b.venueId())
            .add("state", b.state().wire())
            .add("slots", slots)
            .add("applicant", b.applicant())
            .add("applicantName", b.applicantName())
            .add("phone", b.phone())
            .add("organisation", b.organisation())
            .add("purpose", b.purpose())
            .add("attendees", b.attendees())
            .add("discount", b.discount())
            .add("fee", b.fee())
            .add("paid", b.paidAmount())
            .add("refunded", b.refundAmount())
            .add("message", b.message())
            .add("demo", b.demo())
            .add("createdAt", b.createdAt().toString());
    if (v != null) {
      o.add("venueName", v.nameZh()).add("venueNameEn", v.nameEn());
    }
    return o.build();
  }
}
