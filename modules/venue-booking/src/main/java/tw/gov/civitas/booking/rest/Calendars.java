package tw.gov.civitas.booking.rest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tw.gov.civitas.booking.data.BookingStore;
import tw.gov.civitas.booking.model.Booking;
import tw.gov.civitas.booking.model.BookingState;
import tw.gov.civitas.booking.model.TimeRange;
import tw.gov.civitas.booking.model.Venue;

/**
 * iCalendar (RFC 5545) files: one booking for its applicant, and a venue's feed of taken slots for
 * everyone (no names in it).
 */
final class Calendars {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private Calendars() {}

  static String booking(Booking b, Venue v, Instant now, String host) {
    StringBuilder ics = start();
    for (int i = 0; i < b.slots().size(); i++) {
      TimeRange s = b.slots().get(i);
      event(
          ics,
          b.number() + "-" + i + "@" + host,
          now,
          s,
          v.nameZh() + " 場地預約 " + b.number(),
          v.address(),
          "預約編號 Booking " + b.number() + "，狀態 State: " + b.state().wire());
    }
    return ics.append("END:VCALENDAR\r\n").toString();
  }

  static String venue(Venue v, List<BookingStore.Held> held, Instant now, String host) {
    StringBuilder ics = start();
    for (BookingStore.Held h : held) {
      event(
          ics,
          "venue-" + v.id() + "-" + h.range().start().getEpochSecond() + "@" + host,
          now,
          h.range(),
          v.nameZh() + (h.state() == BookingState.REQUESTED ? " 審核中 Pending" : " 已預約 Booked"),
          v.address(),
          null);
    }
    return ics.append("END:VCALENDAR\r\n").toString();
  }

  private static StringBuilder start() {
    return new StringBuilder(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Civitas//Venue booking//ZH-TW\r\nCALSCALE:GREGORIAN\r\n");
  }

  private static void event(
      StringBuilder ics,
      String uid,
      Instant now,
      TimeRange r,
      String summary,
      String location,
      String description) {
    ics.append("BEGIN:VEVENT\r\n")
        .append(line("UID", uid))
        .append(line("DTSTAMP", UTC.format(now)))
        .append(line("DTSTART", UTC.format(r.start())))
        .append(line("DTEND", UTC.format(r.end())))
        .append(line("SUMMARY", text(summary)));
    if (location != null && !location.isBlank()) {
      ics.append(line("LOCATION", text(location)));
    }
    if (description != null) {
      ics.append(line("DESCRIPTION", text(description)));
    }
    ics.append("END:VEVENT\r\n");
  }

  /** RFC 5545 text: backslash, semicolon, comma and newline escaped. */
  static String text(String s) {
    return s.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r", "")
        .replace("\n", "\\n");
  }

  /** A content line folded at 75 octets (UTF-8), continuation lines starting with a space. */
  static String line(String name, String value) {
    byte[] all = (name + ":" + value).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder();
    int start = 0;
    int limit = 75;
    while (all.length - start > limit) {
      int end = start + limit;
      while ((all[end] & 0xC0) == 0x80) { // never split a UTF-8 character
        end--;
      }
      out.append(new String(all, start, end - start, java.nio.charset.StandardCharsets.UTF_8))
          .append("\r\n ");
      start = end;
      limit = 74;
    }
    return out.append(
            new String(all, start, all.length - start, java.nio.charset.StandardCharsets.UTF_8))
        .append("\r\n")
        .toString();
  }
}
