package tw.gov.civitas.booking.model;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;

/** Venues as an agency would describe them, for the unit tests. */
final class VenueFixtures {

  private VenueFixtures() {}

  static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  /** Morning, afternoon and evening slots, Monday to Saturday; NT$500 a slot, seniors half. */
  static Venue fixed() {
    return VenueJson.read(
        json(
            """
            {"nameZh": "活動中心", "capacity": 80,
             "opening": {"1": "08:00-22:00", "2": "08:00-22:00", "3": "08:00-22:00",
                         "4": "08:00-22:00", "5": "08:00-22:00", "6": "08:00-22:00"},
             "slots": {"mode": "fixed", "fixed": [
               {"name": "上午", "start": "08:00", "end": "12:00"},
               {"name": "下午", "start": "13:00", "end": "17:00"},
               {"name": "晚上", "start": "18:00", "end": "22:00"}]},
             "fees": {"perSlot": 500, "discounts": {"senior": 50}},
             "termsZh": "請保持整潔", "approvalRequired": true}
            """),
        1,
        "sports");
  }

  /** By the hour from 09:00 to 21:00 every day, one to three hours; NT$250 an hour. */
  static Venue flexible() {
    return VenueJson.read(
        json(
            """
            {"nameZh": "羽球場", "capacity": 8,
             "opening": {"1": "09:00-21:00", "2": "09:00-21:00", "3": "09:00-21:00",
                         "4": "09:00-21:00", "5": "09:00-21:00", "6": "09:00-21:00", "7": "09:00-21:00"},
             "slots": {"mode": "flexible", "granularityMinutes": 60, "minMinutes": 60, "maxMinutes": 180},
             "fees": {"perHour": 250, "discounts": {"student": 30}},
             "rules": {"refundPercent": 80},
             "termsZh": "請穿運動鞋", "approvalRequired": false}
            """),
        2,
        "sports");
  }
}
