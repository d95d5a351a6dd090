package tw.gov.civitas.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

  @Test
  void allowsTheLimitPerWindowThenSaysHowLongToWait() {
    RateLimiter limiter = new RateLimiter(3, 60_000);
    for (int i = 0; i < 3; i++) {
      assertEquals(0, limiter.acquire("10.0.0.1", 1_000));
    }
    assertEquals(50, limiter.acquire("10.0.0.1", 11_000));
    assertEquals(0, limiter.acquire("10.0.0.2", 11_000), "other clients are not affected");
    assertEquals(0, limiter.acquire("10.0.0.1", 61_000), "a new window starts afresh");
  }

  @Test
  void retryAfterIsNeverZeroWhileLimited() {
    RateLimiter limiter = new RateLimiter(1, 1_000);
    limiter.acquire("k", 0);
    assertTrue(limiter.acquire("k", 999) >= 1);
  }
}
