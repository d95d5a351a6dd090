package tw.gov.civitas.spi;

import java.util.Objects;

/**
 * A region of a public page that a module fills ("venues of this site", "forms of this agency"): a
 * Pebble template in the module's jar, {@code page-modules/<module>/<name>.peb}, which a theme
 * overrides by shipping {@code templates/page-modules/<module>/<name>.peb}; and the bean that gives
 * its data. It appears on the sites that enable the module, in its region. Built with {@link
 * #builder}.
 */
public final class PageModuleDescriptor {

  private final String id;
  private final String nameZh;
  private final String nameEn;
  private final PageRegion region;
  private final Class<? extends PageModuleModel> model;

  private PageModuleDescriptor(Builder b) {
    this.id = Objects.requireNonNull(b.id, "id");
    if (!id.matches("[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException(
          "page module id must be <module>.<name>, e.g. booking.venues: " + id);
    }
    this.nameZh =
        Objects.requireNonNull(b.nameZh, () -> "page module " + id + " needs a zh-TW name");
    this.nameEn = b.nameEn == null ? "" : b.nameEn;
    this.region = Objects.requireNonNull(b.region, () -> "page module " + id + " needs a region");
    this.model =
        Objects.requireNonNull(
            b.model, () -> "page module " + id + " needs its PageModuleModel class");
  }

  /**
   * @param id {@code <module>.<name>}; the template is {@code page-modules/<module>/<name>.peb}
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  public String id() {
    return id;
  }

  public String nameZh() {
    return nameZh;
  }

  public String nameEn() {
    return nameEn;
  }

  public PageRegion region() {
    return region;
  }

  public Class<? extends PageModuleModel> model() {
    return model;
  }

  public String moduleId() {
    return id.substring(0, id.indexOf('.'));
  }

  /** The template's name for the theme engine: {@code page-modules/<module>/<name>}. */
  public String template() {
    return "page-modules/" + moduleId() + "/" + id.substring(id.indexOf('.') + 1);
  }

  /** Collects a page module's names, region and model. */
  public static final class Builder {
    private final String id;
    private String nameZh;
    private String nameEn;
    private PageRegion region;
    private Class<? extends PageModuleModel> model;

    private Builder(String id) {
      this.id = id;
    }

    public Builder name(String zh, String en) {
      this.nameZh = zh;
      this.nameEn = en;
      return this;
    }

    public Builder region(PageRegion region) {
      this.region = region;
      return this;
    }

    public Builder model(Class<? extends PageModuleModel> model) {
      this.model = model;
      return this;
    }

    public PageModuleDescriptor build() {
      return new PageModuleDescriptor(this);
    }
  }
}
