package tw.gov.civitas.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Descriptors are built, not constructed positionally: a rule left out keeps its default. */
class DescriptorBuildersTest {

  /** A page module for the settings tests; its model is never asked. */
  static final class NoModel implements PageModuleModel {
    @Override
    public java.util.Map<String, Object> model(String siteKey, String language) {
      return java.util.Map.of();
    }
  }

  @Test
  void aPageModulesSettingsAreShortValuesNamedOnce() {
    PageModuleDescriptor.Builder b =
        PageModuleDescriptor.builder("demo.list")
            .name("列表", "List")
            .region(PageRegion.LAYOUT)
            .model(NoModel.class);
    PageModuleDescriptor ok =
        b.setting(FieldDescriptor.builder("limit", FieldKind.INTEGER).min(1.0).max(9.0).build())
            .build();
    assertEquals(List.of("limit"), ok.settings().stream().map(FieldDescriptor::name).toList());
    assertThrows(
        IllegalArgumentException.class,
        () -> b.setting(FieldDescriptor.richText("body", false)).build());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            PageModuleDescriptor.builder("demo.twice")
                .name("兩次", "Twice")
                .region(PageRegion.LAYOUT)
                .model(NoModel.class)
                .setting(FieldDescriptor.text("tag", false, 10))
                .setting(FieldDescriptor.text("tag", false, 20))
                .build());
  }

  @Test
  void aFieldBuiltWithOnlyItsNameAndKindIsOptionalAndUnlimited() {
    FieldDescriptor f = FieldDescriptor.builder("capacity", FieldKind.INTEGER).build();
    assertFalse(f.required());
    assertEquals(0, f.maxLength());
    assertFalse(f.translatable());
    assertEquals(List.of(), f.allowedValues());
    assertEquals(null, f.min());
    assertEquals(List.of(), f.children());
  }

  @Test
  void theShorthandsAreTheBuilder() {
    assertEquals(
        FieldDescriptor.builder("title", FieldKind.TEXT)
            .required()
            .maxLength(200)
            .translatable()
            .build(),
        FieldDescriptor.text("title", true, 200));
    assertEquals(
        FieldDescriptor.builder("file", FieldKind.MEDIA).target("document").build(),
        FieldDescriptor.media("file", false, "document"));
  }

  @Test
  void inconsistentFieldsAreRefusedWhenDeclared() {
    assertThrows(
        IllegalArgumentException.class,
        () -> FieldDescriptor.builder("slots", FieldKind.GROUP).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> FieldDescriptor.builder("kind", FieldKind.ENUM).build());
    assertThrows(
        NullPointerException.class, () -> FieldDescriptor.builder(null, FieldKind.TEXT).build());
  }

  @Test
  void aContentTypeNeedsANamespacedIdAChineseNameAndDistinctFields() {
    ContentTypeDescriptor venue =
        ContentTypeDescriptor.builder("booking::venue")
            .name("場地", "Venue")
            .field(FieldDescriptor.text("title", true, 200))
            .build();
    assertEquals("venue", venue.shortName());
    assertEquals("booking", venue.moduleId());
    assertTrue(venue.field("title").isPresent());
    assertThrows(
        IllegalArgumentException.class,
        () -> ContentTypeDescriptor.builder("venue").name("場地", "").build());
    assertThrows(
        NullPointerException.class, () -> ContentTypeDescriptor.builder("booking::venue").build());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ContentTypeDescriptor.builder("booking::venue")
                .name("場地", "")
                .field(FieldDescriptor.text("title", true, 10))
                .field(FieldDescriptor.text("title", false, 20))
                .build());
  }

  @Test
  void aPermissionCanBeGrantedToSiteRolesAndPlatformRoles() {
    PermissionDescriptor review =
        PermissionDescriptor.builder("apps.proposal.review")
            .displayName("Review proposals")
            .grantTo(PlatformRole.DIGITAL_REVIEWER)
            .grantTo(SiteRole.SITE_ADMIN)
            .build();
    assertEquals(Set.of(PlatformRole.DIGITAL_REVIEWER), review.grantedToPlatformRoles());
    assertEquals(Set.of(SiteRole.SITE_ADMIN), review.grantedTo());
    assertEquals("apps", review.moduleId());
    assertEquals(
        Set.of(),
        PermissionDescriptor.of("apps.x.y", "x", Set.of(SiteRole.EDITOR)).grantedToPlatformRoles());
    assertThrows(
        IllegalArgumentException.class,
        () -> PermissionDescriptor.builder("review").displayName("x").build());
  }

  @Test
  void aFileFieldTakesSomeOfThePlatformsTypesUpToItsLimit() {
    FieldDescriptor plan =
        FieldDescriptor.file("plan", true, 2 * 1024 * 1024, List.of("application/pdf"));
    assertEquals(FieldKind.FILE, plan.kind());
    assertEquals(List.of("application/pdf"), plan.mediaTypes());
    assertEquals(2 * 1024 * 1024, plan.maxBytes());
    FieldDescriptor any = FieldDescriptor.builder("photo", FieldKind.FILE).build();
    assertEquals(List.of("application/pdf", "image/jpeg", "image/png"), any.mediaTypes());
    assertEquals(10 * 1024 * 1024, any.maxBytes());
    assertThrows(
        IllegalArgumentException.class,
        () -> FieldDescriptor.file("page", false, 1024, List.of("text/html")));
    assertThrows(
        IllegalArgumentException.class,
        () -> FieldDescriptor.file("huge", false, 11 * 1024 * 1024, List.of("application/pdf")));
    assertThrows(
        IllegalArgumentException.class,
        () -> FieldDescriptor.builder("title", FieldKind.TEXT).maxBytes(10).build());
    assertEquals(0, FieldDescriptor.text("title", true, 200).maxBytes());
  }

  @Test
  void filesBelongToCitizenFormsNotToContent() {
    FieldDescriptor plan = FieldDescriptor.file("plan", false, 1024, List.of());
    CitizenFormDescriptor form =
        CitizenFormDescriptor.builder("booking.application")
            .title("申請", "Application")
            .field(FieldDescriptor.text("subject", true, 200), "事項", "Subject")
            .field(plan, "平面圖", "Floor plan")
            .handler(CitizenFormHandler.class)
            .build();
    assertTrue(form.hasFiles());
    assertThrows(
        IllegalArgumentException.class,
        () -> ContentTypeDescriptor.builder("booking::venue").name("場地", "").field(plan).build());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ContentTypeDescriptor.builder("booking::venue")
                .name("場地", "")
                .field(FieldDescriptor.group("rooms", false, null, null, List.of(plan)))
                .build());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            CitizenFormDescriptor.builder("booking.application")
                .title("申請", "")
                .field(plan, "平面圖", "")
                .field(plan, "平面圖", "")
                .handler(CitizenFormHandler.class)
                .build());
  }

  static final class Venues implements EditorPageSource {
    @Override
    public java.util.List<java.util.Map<String, String>> rows(String siteKey) {
      return java.util.List.of();
    }
  }

  @Test
  void anEditorPageIsDataOrTheModulesOwnViewOrBoth() {
    EditorPageDescriptor calendar =
        EditorPageDescriptor.builder("booking.calendar")
            .slot(EditorSlot.SITE)
            .title("行事曆", "Calendar")
            .permission("booking.venue.manage")
            .view("calendar.xhtml")
            .build();
    assertEquals(
        java.util.Optional.of("META-INF/civitas/editor/booking/calendar.xhtml"),
        calendar.viewResource());
    assertEquals(null, calendar.source());
    assertEquals(List.of(), calendar.columns());
    EditorPageDescriptor venues =
        EditorPageDescriptor.builder("booking.venues")
            .slot(EditorSlot.SITE)
            .title("場地", "")
            .permission("booking.venue.manage")
            .column("name", "名稱", "Name")
            .source(Venues.class)
            .build();
    assertEquals(java.util.Optional.empty(), venues.viewResource());
    EditorPageDescriptor both =
        EditorPageDescriptor.builder("booking.both")
            .slot(EditorSlot.SITE)
            .title("場地", "")
            .permission("booking.venue.manage")
            .column("name", "名稱", "Name")
            .source(Venues.class)
            .view("map.xhtml")
            .build();
    assertEquals(java.util.Optional.of("map.xhtml"), both.view());
  }

  @Test
  void anEditorPageIsRefusedWithoutColumnsOrViewAndWithAViewOutsideItsFolder() {
    EditorPageDescriptor.Builder page =
        EditorPageDescriptor.builder("booking.calendar")
            .slot(EditorSlot.SITE)
            .title("行事曆", "")
            .permission("booking.venue.manage");
    assertTrue(
        assertThrows(IllegalArgumentException.class, page::build)
            .getMessage()
            .contains("or a view"));
    for (String file :
        List.of(
            "../x.xhtml",
            "sub/calendar.xhtml",
            "calendar.jsp",
            "Calendar.xhtml",
            ".xhtml",
            "calendar.xhtml;x=1",
            "%2e%2e.xhtml")) {
      assertThrows(IllegalArgumentException.class, () -> page.view(file).build(), file);
    }
    assertThrows(
        IllegalArgumentException.class,
        () ->
            EditorPageDescriptor.builder("booking.venues")
                .slot(EditorSlot.SITE)
                .title("場地", "")
                .permission("booking.venue.manage")
                .column("name", "名稱", "")
                .build());
  }
}
