package tw.gov.civitas.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A content type as a schema document (Strapi's idea): a namespaced id, names in both languages,
 * and typed fields.
 *
 * @param id namespaced id, {@code <module>::<name>}, e.g. {@code core::page}
 * @param nameZh name in Traditional Chinese
 * @param nameEn name in English
 * @param fields the fields, in editing order
 */
public record ContentTypeDescriptor(String id, String nameZh, String nameEn, List<FieldDescriptor> fields) {
  public ContentTypeDescriptor {
    Objects.requireNonNull(id, "id");
    if (!id.matches("[a-z][a-z0-9-]*::[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("content type id must be namespaced, e.g. core::page: " + id);
    }
    fields = List.copyOf(fields);
  }

  /** The short name used in URLs and the API's {@code type} parameter ({@code page} for {@code core::page}). */
  public String shortName() {
    return id.substring(id.indexOf("::") + 2);
  }

  public String moduleId() {
    return id.substring(0, id.indexOf("::"));
  }

  public Optional<FieldDescriptor> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
