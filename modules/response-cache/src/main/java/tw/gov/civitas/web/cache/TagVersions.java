package tw.gov.civitas.web.cache;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The versions of the tags one response depends on, each read when the resource first named it,
 * before it read the data behind it. A change that commits during rendering gives the tag a new
 * version after that read, so the response is stored under the old one and never served: a
 * concurrent invalidation always wins.
 */
final class TagVersions {

  private final DeliveryCache cache;
  private final Map<String, Long> versions = new LinkedHashMap<>();

  TagVersions(DeliveryCache cache) {
    this.cache = cache;
  }

  synchronized void record(String... tags) {
    for (String tag : tags) {
      versions.computeIfAbsent(tag, cache::version);
    }
  }

  synchronized boolean isEmpty() {
    return versions.isEmpty();
  }

  synchronized Map<String, Long> snapshot() {
    return Map.copyOf(versions);
  }
}
