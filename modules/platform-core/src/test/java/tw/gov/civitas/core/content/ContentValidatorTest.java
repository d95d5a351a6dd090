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
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.error.FieldError;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.module.ModuleRegistry;
import tw.gov.civitas.spi.ContentTypeDescriptor;

class ContentValidatorTest {

  private final ModuleRegistry registry = ModuleRegistry.of(List.of(new CoreModule()));
  private final ContentTypeDescriptor page = registry.contentType("page").orElseThrow();
  private final ContentTypeDescriptor event = registry.contentType("event").orElseThrow();

  @Test
  void putsAPlainStringUnderTheSiteDefaultLanguageAndSanitizesRichText() {
    JsonObject out =
        ContentValidator.validate(
            page,
            Json.createObjectBuilder()
                .add("title", "道路施工公告")
                .add(
                    "body",
                    Json.createObjectBuilder()
                        .add("en", "<p onclick=\"x()\">Road works<script>alert(1)</script></p>"))
                .build(),
            "zh-TW",
            new ArrayList<>());
    assertEquals("道路施工公告", out.getJsonObject("title").getString("zh-TW"));
    assertEquals("<p>Road works</p>", out.getJsonObject("body").getString("en"));
  }

  @Test
  void listsEveryFieldErrorAtOnce() {
    var e =
        assertThrows(
            ContentValidationException.class,
            () ->
                ContentValidator.validate(
                    event,
                    Json.createObjectBuilder()
                        .add("title", "x".repeat(201))
                        .add("startsAt", "tomorrow")
                        .add("colour", "red")
                        .build(),
                    "zh-TW",
                    new ArrayList<>()));
    List<String> fields = e.errors().stream().map(FieldError::field).toList();
    assertTrue(fields.contains("fields.title"), fields.toString());
    assertTrue(fields.contains("fields.startsAt"), fields.toString());
    assertTrue(fields.contains("fields.colour"), fields.toString());
    assertEquals(3, fields.size(), fields.toString());
  }

  @Test
  void requiresTheDefaultLanguageOfARequiredTranslatableField() {
    var e =
        assertThrows(
            ContentValidationException.class,
            () ->
                ContentValidator.validate(
                    page,
                    Json.createObjectBuilder()
                        .add("title", Json.createObjectBuilder().add("en", "Only English"))
                        .build(),
                    "zh-TW",
                    new ArrayList<>()));
    assertEquals("fields.title.zh-TW", e.errors().get(0).field());
  }

  @Test
  void countsCharactersNotBytesForChineseText() {
    JsonObject out =
        ContentValidator.validate(
            page,
            Json.createObjectBuilder().add("title", "臺".repeat(200)).build(),
            "zh-TW",
            new ArrayList<>());
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

  @Test
  void checksLocationsRangesPatternsAndRepeatableGroups() {
    ContentTypeDescriptor contact = registry.contentType("contact").orElseThrow();
    var e =
        assertThrows(
            ContentValidationException.class,
            () ->
                ContentValidator.validate(
                    contact,
                    Json.createObjectBuilder()
                        .add("title", "交通局")
                        .add("phone", "call us")
                        .add("email", "not-an-address")
                        .add(
                            "location",
                            Json.createObjectBuilder().add("lat", 124.1).add("lon", 120.6))
                        .build(),
                    "zh-TW",
                    new ArrayList<>()));
    assertEquals(
        List.of("fields.email", "fields.location.lat", "fields.phone"),
        e.errors().stream().map(FieldError::field).sorted().toList());

    JsonObject ok =
        ContentValidator.validate(
            contact,
            Json.createObjectBuilder()
                .add("title", "交通局")
                .add("phone", "04-2228-9111 #12345")
                .add("email", "traffic@taichung.gov.tw")
                .add(
                    "location",
                    Json.createObjectBuilder()
                        .add("lat", 24.1618)
                        .add("lon", 120.6469)
                        .add("address", "臺灣大道三段99號"))
                .build(),
            "zh-TW",
            new ArrayList<>());
    assertEquals("臺灣大道三段99號", ok.getJsonObject("location").getString("address"));

    ContentTypeDescriptor download = registry.contentType("download").orElseThrow();
    var g =
        assertThrows(
            ContentValidationException.class,
            () ->
                ContentValidator.validate(
                    download,
                    Json.createObjectBuilder()
                        .add("title", "下載")
                        .add(
                            "attachments",
                            Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("label", "缺檔案")))
                        .build(),
                    "zh-TW",
                    new ArrayList<>()));
    assertEquals("fields.attachments[0].file", g.errors().get(0).field());

    ContentTypeDescriptor event = registry.contentType("event").orElseThrow();
    var range =
        assertThrows(
            ContentValidationException.class,
            () ->
                ContentValidator.validate(
                    event,
                    Json.createObjectBuilder()
                        .add("title", "龍舟賽")
                        .add("startsAt", "2026-06-19T09:00:00+08:00")
                        .add("capacity", -5)
                        .build(),
                    "zh-TW",
                    new ArrayList<>()));
    assertEquals("fields.capacity", range.errors().get(0).field());
  }

  @Test
  void referencesMustResolveOnTheSameSite() {
    ContentTypeDescriptor newsType = registry.contentType("news").orElseThrow();
    ContentValidator.References none =
        new ContentValidator.References() {
          @Override
          public boolean itemExists(String slug, String type) {
            return false;
          }

          @Override
          public boolean mediaExists(String id, String kind) {
            return "m1".equals(id) && "image".equals(kind);
          }
        };
    JsonObject ok =
        ContentValidator.validate(
            newsType,
            Json.createObjectBuilder().add("title", "t").add("image", "m1").build(),
            "zh-TW",
            new ArrayList<>(),
            none);
    assertEquals("m1", ok.getString("image"));
    var e =
        assertThrows(
            ContentValidationException.class,
            () ->
                ContentValidator.validate(
                    newsType,
                    Json.createObjectBuilder().add("title", "t").add("image", "m2").build(),
                    "zh-TW",
                    new ArrayList<>(),
                    none));
    assertEquals("fields.image", e.errors().get(0).field());
  }

  @Test
  void urlFieldsTakeOnlyLinkTargetsThatCannotRun() {
    ContentTypeDescriptor link = registry.contentType("link").orElseThrow();
    JsonObject ok =
        ContentValidator.validate(
            link,
            Json.createObjectBuilder()
                .add("title", "市府")
                .add("url", "mailto:service@taichung.gov.tw")
                .build(),
            "zh-TW",
            new ArrayList<>());
    assertEquals("mailto:service@taichung.gov.tw", ok.getString("url"));
    for (String url :
        List.of(
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "data:text/html,x",
            "https://x.example/\"><script>alert(1)</script>")) {
      var e =
          assertThrows(
              ContentValidationException.class,
              () ->
                  ContentValidator.validate(
                      link,
                      Json.createObjectBuilder().add("title", "t").add("url", url).build(),
                      "zh-TW",
                      new ArrayList<>()));
      assertEquals(List.of("fields.url"), e.errors().stream().map(FieldError::field).toList(), url);
    }
  }
}
