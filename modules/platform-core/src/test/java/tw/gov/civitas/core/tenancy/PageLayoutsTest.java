package tw.gov.civitas.core.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.core.error.FieldError;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.module.ModuleRegistry;
import tw.gov.civitas.core.pagemodule.PageModulesModule;
import tw.gov.civitas.core.template.SiteTemplates;

class PageLayoutsTest {

  private final ModuleRegistry registry =
      ModuleRegistry.of(List.of(new CoreModule(), new PageModulesModule()));

  private List<FieldError> check(String layouts) {
    List<FieldError> errors = new ArrayList<>();
    PageLayouts.check(
        Json.createReader(new StringReader(layouts)).read(), registry, Set.of(), errors);
    return errors;
  }

  private static String home(String placement) {
    return "{\"home\": {\"main\": [" + placement + "]}}";
  }

  @Test
  void aPlacementTakesTheSettingsItsModuleDeclaresEachOfItsKind() {
    assertEquals(
        List.of(),
        check(
            home(
                "{\"module\": \"pages.news-list\", \"settings\": {\"type\": \"announcement\","
                    + " \"limit\": 5, \"tag\": \"交通\", \"heading.zh-TW\": \"公告\", \"heading.en\": \"\"}}")));
    List<FieldError> errors =
        check(
            home(
                "{\"module\": \"pages.news-list\", \"settings\": {\"type\": \"recipe\","
                    + " \"limit\": \"21\", \"colour\": \"red\"}}"));
    assertEquals(
        List.of(
            "pageLayouts.home.main[0].settings.type",
            "pageLayouts.home.main[0].settings.limit",
            "pageLayouts.home.main[0].settings.colour"),
        errors.stream().map(FieldError::field).toList());
    assertEquals("must be a number from 1 to 20", errors.get(1).message());
    assertEquals(
        "must be a whole number",
        check(home("{\"module\": \"pages.carousel\", \"settings\": {\"limit\": \"five\"}}"))
            .get(0)
            .message());
  }

  @Test
  void theTemplatesLayoutsUseOnlyDeclaredSettings() {
    SiteTemplates.all()
        .values()
        .forEach(
            t -> {
              JsonObject layouts = t.pageLayouts();
              assertNotNull(layouts, t.id());
              List<FieldError> errors = new ArrayList<>();
              assertNotNull(
                  PageLayouts.check(layouts, registry, t.modules(), errors),
                  t.id() + ": " + errors);
            });
  }

  @Test
  void aSearchBoxTakesItsHeadingsButNoLimit() {
    assertNull(
        PageLayouts.refused(
            registry.pageModule("pages.search-box").orElseThrow(), "heading.en", "Find"));
    assertNotNull(
        PageLayouts.refused(registry.pageModule("pages.search-box").orElseThrow(), "limit", "3"));
  }
}
