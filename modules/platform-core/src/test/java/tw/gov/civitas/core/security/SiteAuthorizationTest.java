package tw.gov.civitas.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.core.module.ModuleRegistrationException;
import tw.gov.civitas.core.module.ModuleRegistry;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.spi.ModuleRegistrar;
import tw.gov.civitas.spi.PermissionDescriptor;
import tw.gov.civitas.spi.PlatformModule;
import tw.gov.civitas.spi.PlatformRole;
import tw.gov.civitas.spi.SiteRole;

class SiteAuthorizationTest {

  private static final String REVIEW = "apps.proposal.review";
  private static final String SUBMIT = "apps.proposal.submit";

  private final SiteAuthorization authorization = new SiteAuthorization();

  SiteAuthorizationTest() {
    PlatformModule apps =
        new PlatformModule() {
          @Override
          public String id() {
            return "apps";
          }

          @Override
          public void register(ModuleRegistrar registrar) {
            registrar.permission(
                PermissionDescriptor.builder(REVIEW)
                    .displayName("Review app proposals")
                    .grantTo(PlatformRole.DIGITAL_REVIEWER)
                    .build());
            registrar.permission(
                PermissionDescriptor.builder(SUBMIT)
                    .displayName("Submit app proposals")
                    .grantTo(SiteRole.SITE_ADMIN)
                    .build());
          }
        };
    ModuleRegistry registry = ModuleRegistry.of(List.of(apps));
    authorization.platform =
        new Platform() {
          @Override
          public ModuleRegistry registry() {
            return registry;
          }
        };
  }

  private static Caller caller(Set<String> platformRoles, Map<String, Set<SiteRole>> siteRoles) {
    return new Caller("someone", platformRoles, siteRoles, null);
  }

  @Test
  void aPlatformRoleHoldsWhatIsGrantedToItOnEverySite() {
    Caller reviewer = caller(Set.of(Caller.DIGITAL_REVIEWER), Map.of());
    assertTrue(authorization.holds(reviewer, "transportation", REVIEW));
    assertTrue(authorization.holds(reviewer, "xitun-district", REVIEW));
    assertFalse(authorization.holds(reviewer, "transportation", SUBMIT));
    // and on no site at all: a platform-level operation
    assertTrue(authorization.holds(reviewer, null, REVIEW));
    assertFalse(
        authorization.holds(
            caller(Set.of(), Map.of("transportation", Set.of(SiteRole.SITE_ADMIN))), null, SUBMIT));
  }

  @Test
  void siteRolesHoldTheirGrantsOnTheirOwnSiteOnly() {
    Caller webmaster = caller(Set.of(), Map.of("transportation", Set.of(SiteRole.SITE_ADMIN)));
    assertTrue(authorization.holds(webmaster, "transportation", SUBMIT));
    assertFalse(authorization.holds(webmaster, "xitun-district", SUBMIT));
    assertFalse(authorization.holds(webmaster, "transportation", REVIEW));
  }

  @Test
  void aCitizenHoldsNothingThatWasNotGrantedToCitizens() {
    Caller citizen = caller(Set.of(Caller.CITIZEN), Map.of());
    assertFalse(authorization.holds(citizen, "transportation", REVIEW));
    assertFalse(authorization.holds(citizen, "transportation", SUBMIT));
  }

  @Test
  void platformAdministratorsHoldEveryPermission() {
    assertTrue(
        authorization.holds(caller(Set.of(Caller.PLATFORM_ADMIN), Map.of()), "any-site", REVIEW));
  }

  @Test
  void theRealmRoleNamesAreThePlatformRoles() {
    assertEquals(Caller.PLATFORM_ADMIN, PlatformRole.PLATFORM_ADMIN.roleName());
    assertEquals(Caller.DIGITAL_REVIEWER, PlatformRole.DIGITAL_REVIEWER.roleName());
    assertEquals(Caller.CITIZEN, PlatformRole.CITIZEN.roleName());
  }

  @Test
  void anUndeclaredPermissionFailsLoudly() {
    assertThrows(
        ModuleRegistrationException.class,
        () ->
            authorization.holds(
                caller(Set.of(), Map.of()), "transportation", "apps.proposal.approve"));
  }
}
