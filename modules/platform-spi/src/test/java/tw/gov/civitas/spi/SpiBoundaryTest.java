package tw.gov.civitas.spi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The SPI is what plug-ins build against: it must not drag anything else in. */
class SpiBoundaryTest {

  @Test
  void theSpiDependsOnTheJdkOnly() {
    classes()
        .that()
        .resideInAPackage("tw.gov.civitas.spi..")
        // javax.sql is the JDK's java.sql module (ModuleDatabase hands out a DataSource)
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("tw.gov.civitas.spi..", "java..", "javax.sql..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("tw.gov.civitas.spi"));
  }
}
