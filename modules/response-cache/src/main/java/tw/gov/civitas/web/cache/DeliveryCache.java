package tw.gov.civitas.web.cache;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.infinispan.Cache;
import tw.gov.civitas.core.content.ContentChanged;
import tw.gov.civitas.core.media.MediaService;
import tw.gov.civitas.core.menu.MenuService;
import tw.gov.civitas.core.tenancy.SiteService;

/**
 * Public responses in Infinispan, invalidated by tag. Each tag has a version (a random long); a
 * response remembers the versions its tags had when its resource named them, before reading what
 * they stand for, and is served only while they are unchanged. Invalidating a tag gives it a new
 * version: the responses carrying it go stale at once, nothing else is touched, and an evicted
 * version can never make a stale response look fresh.
 */
@ApplicationScoped
public class DeliveryCache {

  @jakarta.inject.Inject
  jakarta.enterprise.inject.Instance<jakarta.servlet.http.HttpServletRequest> request;

  @Resource(lookup = "java:jboss/infinispan/cache/civitas/delivery")
  Cache<String, CachedResponse> responses;

  @Resource(lookup = "java:jboss/infinispan/cache/civitas/delivery-tags")
  Cache<String, Long> tagVersions;

  private volatile boolean enabled = true;

  /**
   * At deployment, not at the first miss: the fast path answers from the first request on, and bad
   * settings stop the deployment.
   */
  void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
    enabled = !Boolean.getBoolean("civitas.delivery-cache.disabled");
    PublicCaching.cacheControl();
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

  /** The current version of a tag, creating a first one for a tag never seen (or evicted). */
  long version(String tag) {
    Long v = tagVersions.get(tag);
    if (v == null) {
      Long fresh = ThreadLocalRandom.current().nextLong();
      Long previous = tagVersions.putIfAbsent(tag, fresh);
      v = previous == null ? fresh : previous;
    }
    return v;
  }

  public void invalidate(Collection<String> tags) {
    for (String tag : tags) {
      tagVersions.put(tag, ThreadLocalRandom.current().nextLong());
    }
  }

  void contentChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentChanged e) {
    // a draft saved on a published item still changes its public tags and update time
    if (e.publicChange() || e.live()) {
      invalidate(CacheTags.changedBy(e));
    }
  }

  void menuChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) MenuService.MenuChanged e) {
    invalidate(List.of(CacheTags.menu(e.siteKey(), e.menuKey())));
  }

  void siteChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SiteService.SiteChanged e) {
    invalidate(List.of(CacheTags.site(e.siteKey()), CacheTags.PLATFORM));
  }

  void mediaChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) MediaService.MediaChanged e) {
    invalidate(List.of(CacheTags.media(e.siteKey(), e.mediaId())));
  }

  void moduleDataChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS)
          tw.gov.civitas.core.module.ModuleData.Changed e) {
    invalidate(List.of(CacheTags.module(e.siteKey(), e.key())));
  }

  /** A module's answer names what it shows: tagged on the request being rendered, if cacheable. */
  void moduleDataShown(@Observes tw.gov.civitas.core.module.ModuleData.Shown e) {
    if (request.isResolvable()) {
      try {
        CacheTags.tag(request.get(), CacheTags.module(e.siteKey(), e.key()));
      } catch (jakarta.enterprise.context.ContextNotActiveException outsideARequest) {
        // a job or an observer after commit: nothing is being cached
      }
    }
  }
}
