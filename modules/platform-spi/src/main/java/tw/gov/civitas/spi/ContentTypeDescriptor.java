package tw.gov.civitas.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A content type as a schema document (Strapi's idea): a namespaced id, names in both languages,
 * and typed fields, in editing order. Built with {@link #builder}, so that attributes added later
 * do not break a module that declares types.
 */
public final class ContentTypeDescriptor {

  private final String id;
  private final String nameZh;
  private final String nameEn;
  private final List<FieldDescriptor> fields;

  private ContentTypeDescriptor(Builder b) {
    this.id = Objects.requireNonNull(b.id, "id");
    if (!id.matches("[a-z][a-z0-9-]*::[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException(
          "content type id must be namespaced, e.g. core::page: " + id);
    }
    this.nameZh =
        Objects.requireNonNull(b.nameZh, () -> "content type " + id + " needs a zh-TW name");
    this.nameEn = b.nameEn == null ? "" : b.nameEn;
    this.fields = List.copyOf(b.fields);
    long distinct = fields.stream().map(FieldDescriptor::name).distinct().count();
    if (distinct != fields.size()) {
      throw new IllegalArgumentException("content type " + id + " names a field twice");
    }
    refuseFiles(fields);
  }

  /**
   * Content is public: a citizen's upload (a file field) belongs to a citizen form, never to
   * content.
   */
  private void refuseFiles(List<FieldDescriptor> fields) {
    for (FieldDescriptor f : fields) {
      if (f.kind() == FieldKind.FILE) {
        throw new IllegalArgumentException(
            "content type "
                + id
                + ": field "
                + f.name()
                + " is a file field; content takes media fields (the public media library), citizen forms take files");
      }
      refuseFiles(f.children());
    }
  }

  /**
   * @param id namespaced, {@code <module>::<name>}, e.g. {@code core::page}
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Shorthand for a type with its names and fields. */
  public static ContentTypeDescriptor of(
      String id, String nameZh, String nameEn, List<FieldDescriptor> fields) {
    return builder(id).name(nameZh, nameEn).fields(fields).build();
  }

  public String id() {
    return id;
  }

  /** Name in Traditional Chinese. */
  public String nameZh() {
    return nameZh;
  }

  /** Name in English (empty when none was given). */
  public String nameEn() {
    return nameEn;
  }

  /** The fields, in editing order. */
  public List<FieldDescriptor> fields() {
    return fields;
  }

  /**
   * The short name used in URLs and the API's {@code type} parameter ({@code page} for {@code
   * core::page}).
   */
  public String shortName() {
    return id.substring(id.indexOf("::") + 2);
  }

  public String moduleId() {
    return id.substring(0, id.indexOf("::"));
  }

  public Optional<FieldDescriptor> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContentTypeDescriptor t
        && id.equals(t.id)
        && nameZh.equals(t.nameZh)
        && nameEn.equals(t.nameEn)
        && fields.equals(t.fields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, nameZh, nameEn, fields);
  }

  @Override
  public String toString() {
    return "ContentTypeDescriptor[" + id + "]";
  }

  /** Collects a type's names and fields. */
  public static final class Builder {
    private final String id;
    private String nameZh;
    private String nameEn;
    private final List<FieldDescriptor> fields = new ArrayList<>();

    private Builder(String id) {
      this.id = id;
    }

    public Builder name(String zh, String en) {
      this.nameZh = zh;
      this.nameEn = en;
      return this;
    }

    public Builder field(FieldDescriptor field) {
      fields.add(Objects.requireNonNull(field, "field"));
      return this;
    }

    public Builder fields(List<FieldDescriptor> fields) {
      fields.forEach(this::field);
      return this;
    }

    public ContentTypeDescriptor build() {
      return new ContentTypeDescriptor(this);
    }
  }
}
