package tw.gov.civitas.spi;

import java.util.Objects;

/**
 * A public page of its own that a module adds to the sites that enable it (a venue with its
 * calendar), at {@code /sites/<site>/online/<module>/<name>} and {@code …/<name>/<argument>}. The
 * page is the site's: its theme's layout, menus, skip link and {@code :::} anchors around the
 * module's Pebble fragment {@code public-pages/<module>/<name>.peb} (escaped; a theme overrides it
 * with {@code templates/public-pages/<module>/<name>.peb}), filled by the module's {@link
 * PublicPageModel}. Anonymous answers are kept by the response cache under the site and the keys
 * the model names with {@link tw.gov.civitas.spi.runtime.PublicPages#depends}. Built with {@link
 * #builder}.
 */
public final class PublicPageDescriptor {

  private final String id;
  private final Class<? extends PublicPageModel> model;

  private PublicPageDescriptor(Builder b) {
    this.id = Objects.requireNonNull(b.id, "id");
    if (!id.matches("[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException(
          "public page id must be <module>.<name>, e.g. booking.venue: " + id);
    }
    this.model =
        Objects.requireNonNull(
            b.model, () -> "public page " + id + " needs its PublicPageModel class");
  }

  /**
   * @param id {@code <module>.<name>}: the page's address and template name
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  public String id() {
    return id;
  }

  public String moduleId() {
    return id.substring(0, id.indexOf('.'));
  }

  public String name() {
    return id.substring(id.indexOf('.') + 1);
  }

  public Class<? extends PublicPageModel> model() {
    return model;
  }

  /**
   * The fragment's template name, {@code public-pages/<module>/<name>} (the file ends in {@code
   * .peb}).
   */
  public String template() {
    return "public-pages/" + moduleId() + "/" + name();
  }

  /** Collects a public page's id and model. */
  public static final class Builder {
    private final String id;
    private Class<? extends PublicPageModel> model;

    private Builder(String id) {
      this.id = id;
    }

    public Builder model(Class<? extends PublicPageModel> model) {
      this.model = model;
      return this;
    }

    public PublicPageDescriptor build() {
      return new PublicPageDescriptor(this);
    }
  }
}
