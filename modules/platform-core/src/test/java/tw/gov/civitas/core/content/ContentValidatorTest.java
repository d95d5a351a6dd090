package tw.gov.civitas.core.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.core.module.ModuleRegistry;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.spi.ContentTypeDescriptor;

class ContentValidatorTest {

  private final ModuleRegistry registry = ModuleRegistry.of(List.of(new CoreModule()));
  private final ContentTypeDescriptor page = registry.contentType("page").orElseThrow();
  private final ContentTypeDescriptor event = registry.contentType("event").orElseThrow();

  @Test
  void putsAPlainStringUnderTheSiteDefaultLanguageAndSanitizesRichText() {
    JsonObject out = ContentValidator.validate(page, Json.createObjectBuilder()
        .add("title", "道路施工公告")
        .add("body", Json.createObjectBuilder().add("en", "<p onclick=\"x()\">Road works<script>alert(1)</script></p>"))
        .build(), "zh-TW", new ArrayList<>());
    assertEquals("道路施工公告", out.getJsonObject("title").getString("zh-TW"));
    assertEquals("<p>Road works</p>", out.getJsonObject("body").getString("en"));
  }

  @Test
  void listsEveryFieldErrorAtOnce() {
    var e = assertThrows(ContentValidationException.class, () -> ContentValidator.validate(event,
        Json.createObjectBuilder()
            .add("title", "x".repeat(201))
            .add("startsAt", "tomorrow")
            .add("colour", "red")
            .build(), "zh-TW", new ArrayList<>()));
    List<String> fields = e.errors().stream().map(FieldError::field).toList();
    assertTrue(fields.contains("fields.title"), fields.toString());
    assertTrue(fields.contains("fields.startsAt"), fields.toString());
    assertTrue(fields.contains("fields.colour"), fields.toString());
    assertEquals(3, fields.size(), fields.toString());
  }

  @Test
  void requiresTheDefaultLanguageOfARequiredTranslatableField() {
    var e = assertThrows(ContentValidationException.class, () -> ContentValidator.validate(page,
        Json.createObjectBuilder().add("title", Json.createObjectBuilder().add("en", "Only English")).build(),
        "zh-TW", new ArrayList<>()));
    assertEquals("fields.title.zh-TW", e.errors().get(0).field());
  }

  @Test
  void countsCharactersNotBytesForChineseText() {
    JsonObject out = ContentValidator.validate(page,
        Json.createObjectBuilder().add("title", "臺".repeat(200)).build(), "zh-TW", new ArrayList<>());
    assertEquals(200, out.getJsonObject("title").getString("zh-TW").length());
  }

  @Test
  void slugsAreLowerCaseAsciiWords() {
    List<FieldError> errors = new ArrayList<>();
    ContentValidator.checkSlug("road-works-2026", errors);
    assertTrue(errors.isEmpty());
    ContentValidator.checkSlug("../etc/passwd", errors);
    ContentValidator.checkSlug("-x", errors);
    assertEquals(2, errors.size());
    assertFalse(errors.get(0).message().isBlank());
  }
}
