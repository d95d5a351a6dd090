package tw.gov.civitas.spi.runtime;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The platform's time, for everything a module decides by the clock (a deadline, a booking slot, a
 * job that is due). It is the system clock in production; integration tests move it forward through
 * a test-only operation, so a module that reads this clock (never {@code Instant.now()}) can be
 * tested across days without waiting.
 */
public interface PlatformClock {

  /** The city's time zone, Asia/Taipei. */
  ZoneId ZONE = ZoneId.of("Asia/Taipei");

  Instant now();

  /**
   * This clock as a {@link Clock} in the city's zone, for {@code LocalDate.now(clock)} and the
   * like.
   */
  Clock clock();
}
