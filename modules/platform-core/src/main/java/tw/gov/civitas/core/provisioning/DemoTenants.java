package tw.gov.civitas.core.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import tw.gov.civitas.core.tenancy.Agency;
import tw.gov.civitas.core.tenancy.Site;

/**
 * Seeds the city's 59 agencies as tenants, each with a site keyed by its slug and reachable in a
 * browser at {@code <slug>.localhost} (RFC 6761 names resolve to loopback), on an empty database
 * only.
 */
@ApplicationScoped
public class DemoTenants {

  static final String SEED = "/seed/taichung-agencies.csv";

  @PersistenceContext(unitName = "civitas")
  EntityManager em;

  @jakarta.inject.Inject SiteProvisioning provisioning;
  @jakarta.inject.Inject tw.gov.civitas.core.module.Platform platform;

  /**
   * The demo sites that switch a plug-in module on when it is installed, so a newcomer meets each
   * service on real agencies' sites (venues at the sports and cultural affairs bureaus and a
   * district office).
   */
  static final java.util.Map<String, List<String>> DEMO_MODULES =
      java.util.Map.of("booking", List.of("sports", "culture", "xitun-district"));

  /** Who seeds, in the audit trail. */
  static final tw.gov.civitas.core.security.Caller SEEDER =
      new tw.gov.civitas.core.security.Caller(
          "system:seed",
          java.util.Set.of(tw.gov.civitas.core.security.Caller.PLATFORM_ADMIN),
          java.util.Map.of(),
          null);

  /** One row of the agencies list. */
  public record AgencyRow(String slug, String nameZh, String nameEn, String kind) {}

  public static List<AgencyRow> readAgencies() {
    try (Reader in =
        new InputStreamReader(
            DemoTenants.class.getResourceAsStream(SEED), StandardCharsets.UTF_8)) {
      List<AgencyRow> rows = new ArrayList<>();
      for (CSVRecord r :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        rows.add(new AgencyRow(r.get("slug"), r.get("name_zh"), r.get("name_en"), r.get("kind")));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SEED, e);
    }
  }

  /** Returns how many sites were created (0 when the platform already has tenants). */
  @Transactional
  public int seedIfEmpty() {
    long existing = em.createQuery("select count(a) from Agency a", Long.class).getSingleResult();
    if (existing > 0) {
      return 0;
    }
    int created = 0;
    for (AgencyRow row : readAgencies()) {
      em.persist(new Agency(row.slug(), row.nameZh(), row.nameEn(), row.kind()));
      String template =
          "district".equals(row.kind())
              ? "district-office"
              : tw.gov.civitas.core.template.SiteTemplates.DEFAULT;
      // Through the same provisioning as an administrator's: validated, templated and audited.
      Site site =
          provisioning.create(SEEDER, row.slug(), row.slug(), row.nameZh(), row.nameEn(), template);
      site.getDomains().add(row.slug() + ".localhost");
      DEMO_MODULES.forEach(
          (module, demoSites) -> {
            if (demoSites.contains(row.slug()) && platform.registry().module(module).isPresent()) {
              site.enableModule(module);
            }
          });
      // One transaction for all 59, but a persistence context per site: every query flushes and
      // dirty-checks what the context holds, which grew with each site seeded before.
      em.flush();
      em.clear();
      created++;
    }
    // The city's holiday portal, run by the tourism bureau, from the event portal template.
    Site portal =
        provisioning.create(
            SEEDER,
            PORTAL,
            "tourism",
            "2027端午節連假專區",
            "Dragon Boat Festival 2027 holiday portal",
            "event-portal");
    portal.getDomains().add(PORTAL + ".localhost");
    return created + 1;
  }

  /** The demo holiday portal's site key. */
  public static final String PORTAL = "dragon-boat-2027";
}
