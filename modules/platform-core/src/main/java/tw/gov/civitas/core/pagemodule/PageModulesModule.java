package tw.gov.civitas.core.pagemodule;

import java.util.List;
import java.util.Set;
import tw.gov.civitas.spi.FieldDescriptor;
import tw.gov.civitas.spi.FieldKind;
import tw.gov.civitas.spi.ModuleRegistrar;
import tw.gov.civitas.spi.PageModuleDescriptor;
import tw.gov.civitas.spi.PageModuleModel;
import tw.gov.civitas.spi.PageRegion;
import tw.gov.civitas.spi.PlatformModule;

/**
 * The page modules every site composes its pages with (news lists, carousel, FAQ, contact card…),
 * registered through the same SPI as a plug-in's. They appear only where a site's page layout
 * places them; their templates are {@code page-modules/pages/<name>.peb}, which a theme overrides.
 */
public final class PageModulesModule implements PlatformModule {

  public static final String ID = "pages";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<String> dependsOn() {
    return Set.of("core");
  }

  /** Every site has them. */
  @Override
  public boolean enabledPerSite() {
    return false;
  }

  @Override
  public void register(ModuleRegistrar registrar) {
    for (PageModuleDescriptor pageModule : pageModules()) {
      registrar.pageModule(pageModule);
    }
  }

  static List<PageModuleDescriptor> pageModules() {
    return List.of(
        placed("news-list", "最新消息列表", "Latest items", NewsList.class)
            .setting(
                FieldDescriptor.builder("type", FieldKind.ENUM)
                    .allowedValues(NewsList.TYPES)
                    .label("內容類型", "Content type")
                    .build())
            .setting(tag())
            .setting(limit(20))
            .build(),
        placed("event-calendar", "活動行事曆", "Event calendar", EventCalendar.class)
            .setting(limit(20))
            .build(),
        placed("carousel", "輪播橫幅", "Banner carousel", Carousel.class)
            .setting(tag())
            .setting(limit(10))
            .build(),
        placed("quick-links", "便民服務捷徑", "Quick links", QuickLinks.class)
            .setting(tag())
            .setting(limit(24))
            .build(),
        placed("faq-accordion", "常見問答", "FAQ", FaqAccordion.class)
            .setting(
                FieldDescriptor.builder("category", FieldKind.TEXT)
                    .maxLength(100)
                    .label("問答分類", "FAQ category")
                    .build())
            .setting(limit(30))
            .build(),
        placed("downloads", "檔案下載", "Downloads", Downloads.class)
            .setting(tag())
            .setting(limit(20))
            .build(),
        placed("contact-card", "聯絡資訊", "Contact card", ContactCard.class)
            .setting(slug("聯絡資訊項目代稱（空白：最新的一筆）", "Contact item's slug (empty: the newest)"))
            .build(),
        placed("map", "位置地圖", "Map", LocationMap.class)
            .setting(
                slug("有位置的項目代稱（空白：聯絡資訊）", "Slug of an item with a location (empty: the contact)"))
            .build(),
        placed("search-box", "站內搜尋", "Search box", SearchBox.class).build(),
        placed("open-data-links", "開放資料", "Open data", OpenDataLinks.class).build());
  }

  /** Every core page module: in the layout's regions, with its heading in each language. */
  private static PageModuleDescriptor.Builder placed(
      String name, String zh, String en, Class<? extends PageModuleModel> model) {
    return PageModuleDescriptor.builder(ID + "." + name)
        .name(zh, en)
        .region(PageRegion.LAYOUT)
        .model(model)
        .setting(
            FieldDescriptor.builder("heading.zh-TW", FieldKind.TEXT)
                .maxLength(200)
                .label("標題（中文，空白：預設）", "Heading in Chinese (empty: the default)")
                .build())
        .setting(
            FieldDescriptor.builder("heading.en", FieldKind.TEXT)
                .maxLength(200)
                .label("標題（英文，空白：預設）", "Heading in English (empty: the default)")
                .build());
  }

  private static FieldDescriptor tag() {
    return FieldDescriptor.builder("tag", FieldKind.TEXT)
        .maxLength(100)
        .label("只列出此標籤的項目", "Only items with this tag")
        .build();
  }

  private static FieldDescriptor limit(int max) {
    return FieldDescriptor.builder("limit", FieldKind.INTEGER)
        .min(1.0)
        .max((double) max)
        .label("最多幾筆", "How many at most")
        .build();
  }

  private static FieldDescriptor slug(String zh, String en) {
    return FieldDescriptor.builder("slug", FieldKind.TEXT).maxLength(200).label(zh, en).build();
  }
}
