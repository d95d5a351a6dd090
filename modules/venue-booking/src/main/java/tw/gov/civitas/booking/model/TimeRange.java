package tw.gov.civitas.booking.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tw.gov.civitas.spi.runtime.PlatformClock;

/** A half-open span of time [start, end), as PostgreSQL's {@code tstzrange} holds it. */
public record TimeRange(Instant start, Instant end) {

  public TimeRange {
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("a range ends after it starts");
    }
  }

  public boolean overlaps(TimeRange other) {
    return start.isBefore(other.end) && other.start.isBefore(end);
  }

  public long minutes() {
    return Duration.between(start, end).toMinutes();
  }

  /** The {@code tstzrange} literal. */
  public String literal() {
    return "[" + start + "," + end + ")";
  }

  public LocalDateTime localStart() {
    return LocalDateTime.ofInstant(start, PlatformClock.ZONE);
  }

  public LocalDateTime localEnd() {
    return LocalDateTime.ofInstant(end, PlatformClock.ZONE);
  }

  /** An ISO date-time with an offset, or a local one read in Taipei time. */
  public static Instant parse(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(text).atZone(PlatformClock.ZONE).toInstant();
    }
  }
}
