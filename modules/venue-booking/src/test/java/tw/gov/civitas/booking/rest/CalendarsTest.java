package tw.gov.civitas.booking.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CalendarsTest {

  @Test
  void textIsEscapedAndLongLinesFoldWithoutSplittingACharacter() {
    assertEquals("a\\, b\\; c\\\\ d\\ne", Calendars.text("a, b; c\\ d\ne"));
    String folded = Calendars.line("SUMMARY", "臺中市政府運動局朝馬國民運動中心羽球場預約編號");
    for (String physical : folded.split("\r\n")) {
      assertTrue(physical.getBytes(StandardCharsets.UTF_8).length <= 75, physical);
    }
    assertEquals("SUMMARY:臺中市政府運動局朝馬國民運動中心羽球場預約編號", folded.replace("\r\n ", "").strip());
  }
}
