package tw.gov.civitas.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;
import tw.gov.civitas.core.tenancy.SiteService;

/** Which site a host name belongs to, remembered until a site's settings change. */
@ApplicationScoped
public class SiteDomains {

  private static final int MAX_HOSTS = 10_000;
  private static final Optional<String> NONE = Optional.empty();

  private final Map<String, Optional<String>> byHost = new ConcurrentHashMap<>();

  @Inject SiteRepository sites;

  public Optional<String> siteFor(String host) {
    Optional<String> known = byHost.get(host);
    if (known != null) {
      return known;
    }
    Optional<String> found = sites.findByDomain(host).map(Site::getKey);
    if (byHost.size() >= MAX_HOSTS) {
      byHost.clear(); // arbitrary Host headers must not grow memory without bound
    }
    byHost.put(host, found.isPresent() ? found : NONE);
    return found;
  }

  void siteChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) SiteService.SiteChanged event) {
    byHost.clear();
  }
}
