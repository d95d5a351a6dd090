package tw.gov.civitas.runtime.services;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import tw.gov.civitas.spi.runtime.PlatformClock;

/**
 * The SPI's clock: the system clock, moved forward only where {@code civitas.clock.adjustable=true}
 * (the integration tests), so that jobs and deadlines can be tested across days. Production never
 * sets the property, and the operation that moves it answers 404 there.
 */
@ApplicationScoped
public class AdjustableClock implements PlatformClock {

  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  public static boolean adjustable() {
    return Boolean.getBoolean("civitas.clock.adjustable");
  }

  @Override
  public Instant now() {
    return Instant.now().plus(offset.get());
  }

  @Override
  public Clock clock() {
    return Clock.offset(Clock.system(ZONE), offset.get());
  }

  /** Moves the clock forward; returns the new time. */
  public Instant advance(Duration by) {
    if (!adjustable()) {
      throw new IllegalStateException("The platform clock is not adjustable here");
    }
    if (by.isNegative()) {
      throw new IllegalArgumentException("The clock only moves forward");
    }
    offset.accumulateAndGet(by, Duration::plus);
    return now();
  }
}
