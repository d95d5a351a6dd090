package tw.gov.civitas.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A page links the stylesheets of its theme's whole chain, the base theme's first. */
class ThemeStylesheetsTest {

  private final ThemeRenderer renderer = new ThemeRenderer();

  @Test
  void theBaseThemeLinksOnlyItsOwnStylesheet() {
    assertEquals(List.of("civic.css"), renderer.stylesheets("civic"));
  }

  @Test
  void aChildThemeAddsItsStylesheetAfterItsParents() {
    assertEquals(List.of("civic.css", "festival.css"), renderer.stylesheets("festival"));
    assertEquals(List.of("civic.css", "agency.css"), renderer.stylesheets("agency"));
  }

  @Test
  void anUnknownThemeFallsBackToTheBaseTheme() {
    assertEquals(List.of("civic.css"), renderer.stylesheets("no-such-theme"));
  }
}
