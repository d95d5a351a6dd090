package tw.gov.civitas.spi.runtime;

import java.util.List;
import java.util.Optional;

/** The platform's sites as references, never as the core's entities. */
public interface Sites {

  Optional<SiteRef> find(String siteKey);

  /** Every site, in key order. */
  List<SiteRef> all();

  /** Sites that enable the module. */
  List<SiteRef> enabling(String moduleId);
}
