package tw.gov.civitas.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries, checked over the classes of every module at once: a rule about what the
 * core must not use can only fail if the classes it must not use are imported too.
 */
class ArchitectureTest {

  /**
   * The root package of each module: SPI, core, security, runtime, scheduler, the public WAR's six
   * jars (web-http, response-cache, api-gateway, delivery-api, management-api, site-rendering), the
   * editor and account WARs, the launcher, the test plug-in.
   */
  private static final List<String> MODULES =
      List.of(
          "tw.gov.civitas.spi",
          "tw.gov.civitas.core",
          "tw.gov.civitas.security",
          "tw.gov.civitas.runtime",
          "tw.gov.civitas.scheduler",
          "tw.gov.civitas.web.http",
          "tw.gov.civitas.web.cache",
          "tw.gov.civitas.api",
          "tw.gov.civitas.delivery",
          "tw.gov.civitas.manage",
          "tw.gov.civitas.site",
          "tw.gov.civitas.editor",
          "tw.gov.civitas.account",
          "tw.gov.civitas.devservices",
          "tw.gov.civitas.fixture",
          "tw.gov.civitas.booking");

  /**
   * Plug-in modules: each depends on the SPI and on Jakarta's and the JDK's APIs, nothing else of
   * ours.
   */
  private static final String[] PLUG_INS = {"tw.gov.civitas.fixture..", "tw.gov.civitas.booking.."};

  /** What the public WAR is made of. */
  private static final String[] PUBLIC_WEB = {
    "tw.gov.civitas.web..",
    "tw.gov.civitas.api..",
    "tw.gov.civitas.delivery..",
    "tw.gov.civitas.manage..",
    "tw.gov.civitas.site.."
  };

  private static final String[] WEB_MODULES = {
    "tw.gov.civitas.web..",
    "tw.gov.civitas.api..",
    "tw.gov.civitas.delivery..",
    "tw.gov.civitas.manage..",
    "tw.gov.civitas.site..",
    "tw.gov.civitas.editor..",
    "tw.gov.civitas.account.."
  };

  private static final JavaClasses CIVITAS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("tw.gov.civitas");

  @Test
  void everyModuleIsOnTheClassPathOfTheseRules() {
    List<String> missing =
        MODULES.stream()
            .filter(
                root ->
                    CIVITAS.stream()
                        .map(JavaClass::getPackageName)
                        .noneMatch(p -> p.equals(root) || p.startsWith(root + ".")))
            .toList();
    assertEquals(
        List.of(),
        missing,
        "modules whose classes were not imported, so no rule below could see them");
  }

  @Test
  void theSpiDependsOnTheJdkOnly() {
    classes()
        .that()
        .resideInAPackage("tw.gov.civitas.spi..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("tw.gov.civitas.spi..", "java..", "javax.sql..")
        .check(CIVITAS);
  }

  @Test
  void plugInsUseTheSpiAndStandardApisOnly() {
    // each plug-in on its own: not even another plug-in's classes
    for (String plugIn : PLUG_INS) {
      classes()
          .that()
          .resideInAnyPackage(plugIn)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(plugIn, "tw.gov.civitas.spi..", "java..", "javax.sql..", "jakarta..")
          .check(CIVITAS);
    }
  }

  /**
   * A plug-in is layered as the quickstarts are: its model, its data, its services (the use cases),
   * and on top its REST resources and its pages; the module class registers them all.
   */
  @Test
  void theVenueBookingModuleIsLayered() {
    com.tngtech.archunit.library.Architectures.layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Module")
        .definedBy("tw.gov.civitas.booking")
        .layer("Rest")
        .definedBy("tw.gov.civitas.booking.rest..")
        .layer("Web")
        .definedBy("tw.gov.civitas.booking.web..")
        .layer("Service")
        .definedBy("tw.gov.civitas.booking.service..")
        .layer("Data")
        .definedBy("tw.gov.civitas.booking.data..")
        .layer("Model")
        .definedBy("tw.gov.civitas.booking.model..")
        .whereLayer("Module")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Rest")
        .mayOnlyBeAccessedByLayers("Module")
        .whereLayer("Web")
        .mayOnlyBeAccessedByLayers("Module")
        .whereLayer("Service")
        .mayOnlyBeAccessedByLayers("Rest", "Web", "Module")
        .whereLayer("Data")
        .mayOnlyBeAccessedByLayers("Service", "Rest", "Web")
        .check(CIVITAS);
  }

  @Test
  void nothingOfThePlatformDependsOnAPlugIn() {
    noClasses()
        .that()
        .resideOutsideOfPackages(PLUG_INS)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(PLUG_INS)
        .check(CIVITAS);
  }

  @Test
  void theRuntimeAndTheSchedulerDependOnNoWebModule() {
    noClasses()
        .that()
        .resideInAnyPackage("tw.gov.civitas.runtime..", "tw.gov.civitas.scheduler..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(WEB_MODULES)
        .check(CIVITAS);
  }

  @Test
  void theCoreDependsOnNoWebModuleAndNoWebOrIdentityApi() {
    noClasses()
        .that()
        .resideInAPackage("tw.gov.civitas.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(WEB_MODULES)
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "tw.gov.civitas.security..", "tw.gov.civitas.runtime..", "tw.gov.civitas.devservices..")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta.servlet..",
            "jakarta.ws.rs..",
            "jakarta.faces..",
            "org.wildfly.security..",
            "io.undertow..",
            "org.primefaces..")
        .check(CIVITAS);
  }

  @Test
  void theSecurityModuleDependsOnNoWebModule() {
    noClasses()
        .that()
        .resideInAPackage("tw.gov.civitas.security..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(WEB_MODULES)
        .check(CIVITAS);
  }

  @Test
  void theThreeWarsDoNotDependOnEachOther() {
    noClasses()
        .that()
        .resideInAnyPackage(PUBLIC_WEB)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("tw.gov.civitas.editor..", "tw.gov.civitas.account..")
        .check(CIVITAS);
    slices()
        .matching("tw.gov.civitas.(editor|account)..")
        .namingSlices("$1 web module")
        .should()
        .notDependOnEachOther()
        .check(CIVITAS);
    noClasses()
        .that()
        .resideInAnyPackage("tw.gov.civitas.editor..", "tw.gov.civitas.account..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(PUBLIC_WEB)
        .check(CIVITAS);
  }

  /**
   * Inside the public WAR: the delivery API, the management API and site rendering stand on the
   * gateway, the cache and the HTTP filters, never the other way round; the two APIs know nothing
   * of each other or of the HTML. Site rendering may use the delivery API's feeds (a site's feed is
   * one of its pages).
   */
  @Test
  void thePublicWarIsLayered() {
    layeredArchitecture()
        .consideringOnlyDependenciesInAnyPackage("tw.gov.civitas..")
        .layer("web-http")
        .definedBy("tw.gov.civitas.web.http..")
        .layer("response-cache")
        .definedBy("tw.gov.civitas.web.cache..")
        .layer("api-gateway")
        .definedBy("tw.gov.civitas.api..")
        .layer("delivery-api")
        .definedBy("tw.gov.civitas.delivery..")
        .layer("management-api")
        .definedBy("tw.gov.civitas.manage..")
        .layer("site-rendering")
        .definedBy("tw.gov.civitas.site..")
        .whereLayer("site-rendering")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("management-api")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("delivery-api")
        .mayOnlyBeAccessedByLayers("site-rendering")
        .whereLayer("api-gateway")
        .mayOnlyBeAccessedByLayers("delivery-api", "management-api", "site-rendering")
        .whereLayer("response-cache")
        .mayOnlyBeAccessedByLayers(
            "api-gateway", "delivery-api", "management-api", "site-rendering")
        .check(CIVITAS);
  }

  @Test
  void thePlatformDoesNotDependOnTheLauncher() {
    noClasses()
        .that()
        .resideOutsideOfPackage("tw.gov.civitas.devservices..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("tw.gov.civitas.devservices..")
        .check(CIVITAS);
  }

  @Test
  void noPackageCycles() {
    slices().matching("tw.gov.civitas.(**)").should().beFreeOfCycles().check(CIVITAS);
  }
}
