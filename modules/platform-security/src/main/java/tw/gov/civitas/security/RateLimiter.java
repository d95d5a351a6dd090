package tw.gov.civitas.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window request counting per key (a client address, a user): at most {@code limit} requests
 * per window. Per node: with several nodes behind a balancer the effective limit is per node, which
 * is enough to stop floods and guessing.
 */
public final class RateLimiter {

  private record Window(long start, int count) {}

  private final int limit;
  private final long windowMillis;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public RateLimiter(int limit, long windowMillis) {
    this.limit = limit;
    this.windowMillis = windowMillis;
  }

  /**
   * Counts one request for {@code key}.
   *
   * @return 0 when allowed, otherwise the seconds until the window ends (for Retry-After)
   */
  public long acquire(String key, long nowMillis) {
    if (windows.size() > 100_000) {
      windows.entrySet().removeIf(e -> nowMillis - e.getValue().start() >= windowMillis);
    }
    Window w =
        windows.compute(
            key,
            (k, old) ->
                old == null || nowMillis - old.start() >= windowMillis
                    ? new Window(nowMillis, 1)
                    : new Window(old.start(), old.count() + 1));
    if (w.count() <= limit) {
      return 0;
    }
    return Math.max(1, (w.start() + windowMillis - nowMillis + 999) / 1000);
  }
}
