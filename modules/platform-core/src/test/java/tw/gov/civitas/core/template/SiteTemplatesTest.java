package tw.gov.civitas.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.core.content.ContentValidator;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.module.ModuleRegistry;
import tw.gov.civitas.spi.ContentTypeDescriptor;

class SiteTemplatesTest {

  @Test
  void everyListedTemplateLoadsWithItsMenus() {
    assertEquals(
        List.of("bureau", "district-office", "event-portal"),
        List.copyOf(SiteTemplates.all().keySet()));
    // the bureau template's former id still creates bureau sites
    assertEquals("bureau", SiteTemplates.find("agency-basic").orElseThrow().id());
    SiteTemplate district = SiteTemplates.find("district-office").orElseThrow();
    assertEquals("zh-TW", district.defaultLanguage());
    assertTrue(district.menus().get("main").toString().contains("{site}"));
  }

  @Test
  void aTemplateTypeIsRegisteredThroughTheSpiAndValidatesLikeABuiltIn() {
    ModuleRegistry registry =
        ModuleRegistry.of(List.of(new CoreModule(), new SiteTemplatesModule()));
    ContentTypeDescriptor point = registry.contentType("service-point").orElseThrow();
    assertEquals("templates::service-point", point.id());
    var e =
        assertThrows(
            ContentValidationException.class,
            () ->
                ContentValidator.validate(
                    point,
                    Json.createObjectBuilder()
                        .add("title", "西屯區公所")
                        .add("phone", "call us")
                        .build(),
                    "zh-TW",
                    new ArrayList<>()));
    assertEquals(
        List.of("fields.location", "fields.phone"),
        e.errors().stream().map(err -> err.field()).sorted().toList());
  }

  @Test
  void aTemplatePlacesPageModulesOnlyOfTheModulesItEnables() {
    String base = "{\"id\": \"t\", \"name\": {\"zh-TW\": \"測試\"}, \"contentTypes\": [], ";
    SiteTemplate placed =
        SiteTemplates.parse(
            Json.createReader(
                    new java.io.StringReader(
                        base
                            + "\"modules\": [\"booking\"], \"pageModules\": {\"home\": [\"booking.venues\", \"booking.today\"]}}"))
                .readObject());
    assertEquals(
        java.util.Map.of("home", List.of("booking.venues", "booking.today")), placed.pageModules());
    var e =
        assertThrows(
            IllegalStateException.class,
            () ->
                SiteTemplates.parse(
                    Json.createReader(
                            new java.io.StringReader(
                                base
                                    + "\"modules\": [], \"pageModules\": {\"home\": [\"booking.venues\"]}}"))
                        .readObject()));
    assertTrue(
        e.getMessage().contains("'t'") && e.getMessage().contains("booking.venues"),
        e.getMessage());
  }
}
