package tw.gov.civitas.core.module;

import java.util.List;
import java.util.Set;
import tw.gov.civitas.spi.ContentTypeDescriptor;
import tw.gov.civitas.spi.FieldDescriptor;
import tw.gov.civitas.spi.FieldKind;
import tw.gov.civitas.spi.ModuleRegistrar;
import tw.gov.civitas.spi.PermissionDescriptor;
import tw.gov.civitas.spi.PlatformModule;
import tw.gov.civitas.spi.SiteRole;

/**
 * The core registers itself through the same SPI as every plug-in: its permissions, types and
 * schema.
 */
public final class CoreModule implements PlatformModule {

  public static final String ID = "core";
  public static final String CONTENT_EDIT = "core.content.edit";
  public static final String CONTENT_PUBLISH = "core.content.publish";
  public static final String SITE_MANAGE = "core.site.manage";

  @Override
  public String id() {
    return ID;
  }

  /** Every site has the platform's own content types and operations. */
  @Override
  public boolean enabledPerSite() {
    return false;
  }

  @Override
  public void register(ModuleRegistrar registrar) {
    registrar
        .migrations("db/migration/core")
        .permission(
            PermissionDescriptor.of(
                CONTENT_EDIT,
                "Create and edit content, submit it for review",
                Set.of(SiteRole.EDITOR, SiteRole.REVIEWER, SiteRole.SITE_ADMIN)))
        .permission(
            PermissionDescriptor.of(
                CONTENT_PUBLISH,
                "Publish, unpublish and archive content",
                Set.of(SiteRole.REVIEWER, SiteRole.SITE_ADMIN)))
        .permission(
            PermissionDescriptor.of(
                SITE_MANAGE,
                "Change site settings, menus and role holders",
                Set.of(SiteRole.SITE_ADMIN)));
    for (ContentTypeDescriptor type : builtInTypes()) {
      registrar.contentType(type);
    }
  }

  /** The content types every government site has. */
  static List<ContentTypeDescriptor> builtInTypes() {
    FieldDescriptor title = FieldDescriptor.text("title", true, 200);
    FieldDescriptor summary = FieldDescriptor.text("summary", false, 500);
    FieldDescriptor body = FieldDescriptor.richText("body", false);
    FieldDescriptor image = FieldDescriptor.media("image", false, "image");
    FieldDescriptor url = FieldDescriptor.url("url", true, 2000);
    FieldDescriptor phone = FieldDescriptor.pattern("phone", false, 40, "[0-9+#()\\- ]{4,40}");
    FieldDescriptor email =
        FieldDescriptor.pattern("email", false, 254, "[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    return List.of(
        ContentTypeDescriptor.of(
            "core::page",
            "網頁",
            "Page",
            List.of(
                title, summary, body, image, FieldDescriptor.reference("parent", false, "page"))),
        ContentTypeDescriptor.of("core::news", "新聞", "News", List.of(title, summary, body, image)),
        ContentTypeDescriptor.of(
            "core::announcement",
            "公告",
            "Announcement",
            List.of(title, summary, body, FieldDescriptor.of("validUntil", FieldKind.DATE, false))),
        ContentTypeDescriptor.of(
            "core::event",
            "活動",
            "Event",
            List.of(
                title,
                summary,
                body,
                image,
                FieldDescriptor.of("startsAt", FieldKind.DATE_TIME, true),
                FieldDescriptor.of("endsAt", FieldKind.DATE_TIME, false),
                FieldDescriptor.text("place", false, 200),
                FieldDescriptor.of("location", FieldKind.LOCATION, false),
                FieldDescriptor.number("capacity", FieldKind.INTEGER, false, 0d, 1_000_000d))),
        ContentTypeDescriptor.of(
            "core::faq",
            "常見問答",
            "FAQ",
            List.of(
                FieldDescriptor.text("title", true, 300),
                FieldDescriptor.richText("body", true),
                FieldDescriptor.text("category", false, 100))),
        ContentTypeDescriptor.of(
            "core::download",
            "檔案下載",
            "Download",
            List.of(
                title,
                summary,
                FieldDescriptor.group(
                    "attachments",
                    true,
                    1,
                    50,
                    List.of(
                        FieldDescriptor.media("file", true, "document"),
                        FieldDescriptor.text("label", false, 200))))),
        ContentTypeDescriptor.of("core::link", "相關連結", "Link", List.of(title, summary, url)),
        ContentTypeDescriptor.of(
            "core::contact",
            "聯絡資訊",
            "Contact",
            List.of(
                title,
                FieldDescriptor.text("unit", false, 200),
                phone,
                email,
                FieldDescriptor.of("location", FieldKind.LOCATION, false),
                FieldDescriptor.text("hours", false, 200))));
  }
}
