package tw.gov.civitas.it.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls for something the server does on its own time (the scheduler), with a deadline. */
public final class Eventually {

  private Eventually() {}

  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
  }
}
