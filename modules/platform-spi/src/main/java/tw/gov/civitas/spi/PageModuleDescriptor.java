package tw.gov.civitas.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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
  private final List<FieldDescriptor> settings;

  /** The kinds a placement's setting may be: each is stored as a short text. */
  public static final Set<FieldKind> SETTING_KINDS =
      Set.of(FieldKind.TEXT, FieldKind.INTEGER, FieldKind.BOOLEAN, FieldKind.ENUM, FieldKind.URL);

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
    this.settings = List.copyOf(b.settings);
    for (FieldDescriptor setting : settings) {
      if (!SETTING_KINDS.contains(setting.kind())) {
        throw new IllegalArgumentException(
            "page module "
                + id
                + ": setting '"
                + setting.name()
                + "' is "
                + setting.kind()
                + "; settings are one of "
                + SETTING_KINDS);
      }
    }
    if (settings.stream().map(FieldDescriptor::name).distinct().count() != settings.size()) {
      throw new IllegalArgumentException("page module " + id + " declares a setting twice");
    }
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

  /**
   * The settings a placement of this module takes, with their labels: what the editor offers and
   * what a site's layout is checked against. None declared: any short text settings are accepted.
   */
  public List<FieldDescriptor> settings() {
    return settings;
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
    private final List<FieldDescriptor> settings = new ArrayList<>();

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

    /**
     * A setting of each placement (a text, whole number, yes/no, one of a list or a link), labelled
     * with {@link FieldDescriptor.Builder#label}; the model reads it with {@link
     * PageModuleContext#setting}.
     */
    public Builder setting(FieldDescriptor setting) {
      this.settings.add(Objects.requireNonNull(setting, "setting"));
      return this;
    }

    public PageModuleDescriptor build() {
      return new PageModuleDescriptor(this);
    }
  }
}
