package tw.gov.civitas.spi;

import java.util.List;
import java.util.Objects;

/**
 * One field of a content type and the rules every write must satisfy.
 *
 * @param name field name on the wire ({@code title}, {@code body})
 * @param kind what it holds
 * @param required whether a value must be present
 * @param maxLength for text kinds, the most characters allowed (0 = no limit)
 * @param translatable whether the field holds one value per language
 * @param allowedValues for {@link FieldKind#ENUM}, the values allowed
 */
public record FieldDescriptor(
    String name, FieldKind kind, boolean required, int maxLength, boolean translatable, List<String> allowedValues) {
  public FieldDescriptor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
  }

  public static FieldDescriptor text(String name, boolean required, int maxLength) {
    return new FieldDescriptor(name, FieldKind.TEXT, required, maxLength, true, List.of());
  }

  public static FieldDescriptor richText(String name, boolean required) {
    return new FieldDescriptor(name, FieldKind.RICH_TEXT, required, 0, true, List.of());
  }

  public static FieldDescriptor of(String name, FieldKind kind, boolean required) {
    return new FieldDescriptor(name, kind, required, 0, false, List.of());
  }
}
