package tw.gov.civitas.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core knows nothing of the web layers or of how callers are authenticated. */
class CoreBoundaryTest {

  private final JavaClasses core =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("tw.gov.civitas.core");

  @Test
  void theCoreDoesNotReachIntoTheWebModules() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "tw.gov.civitas.delivery..",
            "tw.gov.civitas.editor..",
            "tw.gov.civitas.account..",
            "tw.gov.civitas.security..")
        .check(core);
  }

  @Test
  void theCoreIsIndependentOfTheIdentityProviderAndTheServletApi() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.wildfly.security..", "jakarta.servlet..", "jakarta.ws.rs..", "jakarta.faces..")
        .check(core);
  }
}
