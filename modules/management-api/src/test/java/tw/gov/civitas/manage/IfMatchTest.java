package tw.gov.civitas.manage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import tw.gov.civitas.core.error.ContentValidationException;

class IfMatchTest {

  @Test
  void ifMatchNamesTheRevisionAsItsETagGaveIt() {
    assertEquals(7, ManagedContentResource.expectedRevision("\"7\""));
    assertEquals(12, ManagedContentResource.expectedRevision(" \"12\" "));
  }

  @Test
  void noIfMatchOrAStarMeansWhateverIsCurrent() {
    assertNull(ManagedContentResource.expectedRevision(null));
    assertNull(ManagedContentResource.expectedRevision(""));
    assertNull(ManagedContentResource.expectedRevision("*"));
  }

  @Test
  void anythingElseIsRefused() {
    for (String bad :
        new String[] {"7", "W/\"7\"", "\"seven\"", "\"7\", \"8\"", "\"99999999999\""}) {
      assertThrows(
          ContentValidationException.class,
          () -> ManagedContentResource.expectedRevision(bad),
          bad);
    }
  }
}
