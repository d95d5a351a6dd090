package tw.gov.civitas.core.pagemodule;

import java.util.List;
import java.util.Set;
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
        placed("news-list", "最新消息列表", "Latest items", NewsList.class),
        placed("event-calendar", "活動行事曆", "Event calendar", EventCalendar.class),
        placed("carousel", "輪播橫幅", "Banner carousel", Carousel.class),
        placed("quick-links", "便民服務捷徑", "Quick links", QuickLinks.class),
        placed("faq-accordion", "常見問答", "FAQ", FaqAccordion.class),
        placed("downloads", "檔案下載", "Downloads", Downloads.class),
        placed("contact-card", "聯絡資訊", "Contact card", ContactCard.class),
        placed("map", "位置地圖", "Map", LocationMap.class),
        placed("search-box", "站內搜尋", "Search box", SearchBox.class),
        placed("open-data-links", "開放資料", "Open data", OpenDataLinks.class));
  }

  private static PageModuleDescriptor placed(
      String name, String zh, String en, Class<? extends PageModuleModel> model) {
    return PageModuleDescriptor.builder(ID + "." + name)
        .name(zh, en)
        .region(PageRegion.LAYOUT)
        .model(model)
        .build();
  }
}
