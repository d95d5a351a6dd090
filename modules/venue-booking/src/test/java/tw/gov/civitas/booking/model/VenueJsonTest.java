package tw.gov.civitas.booking.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tw.gov.civitas.spi.runtime.InvalidInputException;

class VenueJsonTest {

  @Test
  void everyMistakeIsAFieldErrorAtOnceUnknownPropertiesIncluded() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                VenueJson.read(
                    VenueFixtures.json(
                        """
                        {"capacity": 0, "colour": "red",
                         "opening": {"8": "08:00-12:00"},
                         "slots": {"mode": "fixed", "fixed": [
                           {"name": "A", "start": "08:00", "end": "12:00"},
                           {"name": "B", "start": "11:00", "end": "13:00"}], "size": 3},
                         "fees": {"discounts": {"senior": 150}},
                         "termsZh": ""}
                        """),
                    0,
                    "s"));
    var errors = e.fieldErrors();
    assertTrue(errors.containsKey("nameZh"), errors.toString());
    assertTrue(errors.containsKey("capacity"));
    assertTrue(errors.containsKey("colour"));
    assertTrue(errors.containsKey("opening.8"));
    assertTrue(errors.containsKey("slots.fixed.1"), "B overlaps A");
    assertTrue(errors.containsKey("slots.size"));
    assertTrue(errors.containsKey("fees.discounts.senior"));
    assertTrue(errors.containsKey("termsZh"));
  }

  @Test
  void aVenueWrittenReadsBackTheSame() {
    Venue v = VenueFixtures.flexible();
    Venue again = VenueJson.read(without(VenueJson.write(v)), 2, "sports");
    assertEquals(v, again);
  }

  private static jakarta.json.JsonObject without(jakarta.json.JsonObject o) {
    var b = jakarta.json.Json.createObjectBuilder(o);
    b.remove("id");
    b.remove("site");
    b.remove("demo");
    return b.build();
  }
}
