package tw.gov.civitas.delivery.cache;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.infinispan.Cache;
import tw.gov.civitas.core.content.ContentChanged;
import tw.gov.civitas.core.menu.MenuService;
import tw.gov.civitas.core.tenancy.SiteService;

/**
 * Public responses in Infinispan, invalidated by tag. Each tag has a version (a random long); a
 * response remembers the versions of its tags when stored and is served only while they are
 * unchanged. Invalidating a tag gives it a new version: the responses carrying it go stale at once,
 * nothing else is touched, and an evicted version can never make a stale response look fresh.
 */
@ApplicationScoped
public class DeliveryCache {

  @Resource(lookup = "java:jboss/infinispan/cache/civitas/delivery")
  Cache<String, CachedResponse> responses;

  @Resource(lookup = "java:jboss/infinispan/cache/civitas/delivery-tags")
  Cache<String, Long> tagVersions;

  private volatile boolean enabled = true;

  @PostConstruct
  void register() {
    enabled = !Boolean.getBoolean("civitas.delivery-cache.disabled");
    FastPath.cache = this;
  }

  @PreDestroy
  void unregister() {
    FastPath.cache = null;
  }

  /** The fresh response stored under {@code key}, or null. */
  public CachedResponse get(String key) {
    if (!enabled) {
      return null;
    }
    CachedResponse r = responses.get(key);
    if (r == null) {
      return null;
    }
    for (Map.Entry<String, Long> t : r.tagVersions().entrySet()) {
      if (!t.getValue().equals(tagVersions.get(t.getKey()))) {
        responses.remove(key, r);
        return null;
      }
    }
    return r;
  }

  public void put(String key, CachedResponse response) {
    if (enabled) {
      responses.put(key, response);
    }
  }

  /** Current versions of these tags, creating a first version for tags never seen. */
  public Map<String, Long> versions(Set<String> tags) {
    Map<String, Long> out = new HashMap<>();
    for (String tag : tags) {
      Long v = tagVersions.get(tag);
      if (v == null) {
        Long fresh = ThreadLocalRandom.current().nextLong();
        Long previous = tagVersions.putIfAbsent(tag, fresh);
        v = previous == null ? fresh : previous;
      }
      out.put(tag, v);
    }
    return out;
  }

  public void invalidate(String... tags) {
    for (String tag : tags) {
      tagVersions.put(tag, ThreadLocalRandom.current().nextLong());
    }
  }

  void contentChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentChanged e) {
    if (e.publicChange()) {
      invalidate(CacheTags.item(e.siteKey(), e.slug()), CacheTags.lists(e.siteKey()), CacheTags.menus(e.siteKey()),
          CacheTags.PLATFORM);
    }
  }

  void menuChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) MenuService.MenuChanged e) {
    invalidate(CacheTags.menu(e.siteKey(), e.menuKey()));
  }

  void siteChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SiteService.SiteChanged e) {
    invalidate(CacheTags.site(e.siteKey()), CacheTags.PLATFORM);
  }
}
