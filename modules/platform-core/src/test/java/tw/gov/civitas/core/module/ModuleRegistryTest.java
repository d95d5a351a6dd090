package tw.gov.civitas.core.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.spi.ModuleRegistrar;
import tw.gov.civitas.spi.PermissionDescriptor;
import tw.gov.civitas.spi.PlatformModule;
import tw.gov.civitas.spi.SiteRole;

class ModuleRegistryTest {

  record TestModule(String id, Set<String> dependsOn, String permission) implements PlatformModule {
    @Override
    public void register(ModuleRegistrar registrar) {
      if (permission != null) {
        registrar.permission(
            PermissionDescriptor.of(permission, "test", Set.of(SiteRole.SITE_ADMIN)));
      }
    }
  }

  @Test
  void ordersModulesAfterTheirDependencies() {
    ModuleRegistry registry =
        ModuleRegistry.of(
            List.of(
                new TestModule("booking", Set.of("core"), "booking.venue.manage"),
                new CoreModule()));
    assertEquals(
        List.of("core", "booking"),
        registry.registrations().stream().map(r -> r.module().id()).toList());
    assertTrue(registry.permissions().containsKey("booking.venue.manage"));
    assertTrue(registry.contentType("page").isPresent());
    assertTrue(registry.contentType("core::news").isPresent());
  }

  @Test
  void refusesTwoModulesWithOneId() {
    var e =
        assertThrows(
            ModuleRegistrationException.class,
            () ->
                ModuleRegistry.of(
                    List.of(
                        new TestModule("booking", Set.of(), null),
                        new TestModule("booking", Set.of(), null))));
    assertTrue(e.getMessage().contains("Two modules share the id 'booking'"), e.getMessage());
  }

  @Test
  void refusesAMissingDependencyNamingIt() {
    var e =
        assertThrows(
            ModuleRegistrationException.class,
            () -> ModuleRegistry.of(List.of(new TestModule("ecounter", Set.of("forms"), null))));
    assertTrue(e.getMessage().contains("'ecounter' depends on 'forms'"), e.getMessage());
  }

  @Test
  void refusesADependencyCycle() {
    var e =
        assertThrows(
            ModuleRegistrationException.class,
            () ->
                ModuleRegistry.of(
                    List.of(
                        new TestModule("a", Set.of("b"), null),
                        new TestModule("b", Set.of("a"), null))));
    assertTrue(e.getMessage().contains("cycle"), e.getMessage());
  }

  @Test
  void refusesAPermissionOutsideTheModuleNamespace() {
    var e =
        assertThrows(
            ModuleRegistrationException.class,
            () ->
                ModuleRegistry.of(
                    List.of(new TestModule("booking", Set.of(), "core.content.edit"))));
    assertTrue(e.getMessage().contains("own namespace"), e.getMessage());
  }

  record BoardModule(String id) implements PlatformModule {
    @Override
    public void register(ModuleRegistrar registrar) {
      for (String name : List.of("today", "venues")) {
        registrar.pageModule(
            tw.gov.civitas.spi.PageModuleDescriptor.builder(id + "." + name)
                .name(name, name)
                .region(tw.gov.civitas.spi.PageRegion.HOME)
                .model(NoModel.class)
                .build());
      }
    }
  }

  static final class NoModel implements tw.gov.civitas.spi.PageModuleModel {
    @Override
    public java.util.Map<String, Object> model(String siteKey, String language) {
      return java.util.Map.of();
    }
  }

  @Test
  void aSiteShowsWhatItPlacesInOrderElseEveryEnabledModulesOwnAndNeverADisabledOnes() {
    ModuleRegistry registry =
        ModuleRegistry.of(
            List.of(new CoreModule(), new BoardModule("booking"), new BoardModule("ecounter")));
    var home = tw.gov.civitas.spi.PageRegion.HOME;
    java.util.function.Function<List<tw.gov.civitas.spi.PageModuleDescriptor>, List<String>> ids =
        l -> l.stream().map(tw.gov.civitas.spi.PageModuleDescriptor::id).toList();
    assertEquals(
        List.of("booking.today", "booking.venues"),
        ids.apply(registry.pageModulesOf(List.of("booking"), java.util.Map.of(), home)));
    assertEquals(
        List.of("ecounter.venues", "booking.today"),
        ids.apply(
            registry.pageModulesOf(
                List.of("booking", "ecounter"),
                java.util.Map.of("home", List.of("ecounter.venues", "booking.today")),
                home)));
    assertEquals(
        List.of("booking.today"),
        ids.apply(
            registry.pageModulesOf(
                List.of("booking"),
                java.util.Map.of(
                    "home", List.of("ecounter.venues", "booking.today", "gone.module")),
                home)));
    assertEquals(
        List.of(),
        ids.apply(
            registry.pageModulesOf(List.of("booking"), java.util.Map.of("home", List.of()), home)));
  }
}
