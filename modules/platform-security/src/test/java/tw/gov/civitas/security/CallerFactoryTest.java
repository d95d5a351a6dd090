package tw.gov.civitas.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.spi.SiteRole;

class CallerFactoryTest {

  @Test
  void readsSiteRolesFromAgencyGroupPathsOnly() {
    Map<String, Set<SiteRole>> roles =
        CallerFactory.siteRoles(
            List.of(
                "/agencies/transportation/site-admin",
                "/agencies/transportation/editor",
                "/agencies/xitun-district/reviewer",
                "/agencies/xitun-district/janitor",
                "/other/transportation/site-admin",
                "/agencies/transportation/site-admin/extra"));
    assertEquals(Set.of(SiteRole.SITE_ADMIN, SiteRole.EDITOR), roles.get("transportation"));
    assertEquals(Set.of(SiteRole.REVIEWER), roles.get("xitun-district"));
    assertEquals(2, roles.size());
  }

  @Test
  void noGroupsMeansNoSiteRoles() {
    assertTrue(CallerFactory.siteRoles(List.of()).isEmpty());
  }
}
