package tw.gov.civitas.runtime.services;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;
import tw.gov.civitas.spi.runtime.SiteRef;
import tw.gov.civitas.spi.runtime.Sites;

/** The SPI's site directory: references copied out of the core's entities. */
@ApplicationScoped
public class RuntimeSites implements Sites {

  @Inject SiteRepository sites;
  @Inject Platform platform;
  @Inject RuntimeConfiguration configuration;

  /** A site as a module sees it. */
  record Ref(
      String key,
      String nameZh,
      String nameEn,
      String defaultLanguage,
      Set<String> enabledModules,
      String publicUrl)
      implements SiteRef {}

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<SiteRef> find(String siteKey) {
    return siteKey == null ? Optional.empty() : sites.findByKey(siteKey).map(this::ref);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SiteRef> all() {
    return sites.findAll().stream()
        .map(this::ref)
        .sorted(Comparator.comparing(SiteRef::key))
        .toList();
  }

  @Override
  public List<SiteRef> enabling(String moduleId) {
    return all().stream()
        .filter(s -> platform.registry().enabledOn(s.enabledModules(), moduleId))
        .toList();
  }

  private SiteRef ref(Site s) {
    return new Ref(
        s.getKey(),
        s.getNameZh(),
        s.getNameEn(),
        s.getDefaultLanguage(),
        Set.copyOf(s.getEnabledModules()),
        configuration.publicUrl() + "/sites/" + s.getKey());
  }
}
