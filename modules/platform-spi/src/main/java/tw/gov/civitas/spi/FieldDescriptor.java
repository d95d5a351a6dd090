package tw.gov.civitas.spi;

import java.util.List;
import java.util.Objects;

/**
 * One field of a content type and the rules every write must satisfy.
 *
 * @param name field name on the wire ({@code title}, {@code body})
 * @param kind what it holds
 * @param required whether a value must be present
 * @param maxLength for text kinds and URLs, the most characters allowed (0 = no limit)
 * @param translatable whether the field holds one value per language
 * @param allowedValues for {@link FieldKind#ENUM}, the values allowed
 * @param pattern for {@link FieldKind#TEXT}, a regular expression the whole value must match (null = any)
 * @param min for numbers the smallest value, for repeatable groups the fewest entries (null = none)
 * @param max for numbers the largest value, for repeatable groups the most entries (null = none)
 * @param target for {@link FieldKind#REFERENCE}, the short name of the referenced type (null = any);
 *     for {@link FieldKind#MEDIA}, {@code image} or {@code document} (null = either)
 * @param children for {@link FieldKind#GROUP}, the fields of each entry
 */
public record FieldDescriptor(
    String name, FieldKind kind, boolean required, int maxLength, boolean translatable, List<String> allowedValues,
    String pattern, Double min, Double max, String target, List<FieldDescriptor> children) {
  public FieldDescriptor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
    children = children == null ? List.of() : List.copyOf(children);
    if (kind == FieldKind.GROUP && children.isEmpty()) {
      throw new IllegalArgumentException("group field '" + name + "' needs child fields");
    }
  }

  public static FieldDescriptor text(String name, boolean required, int maxLength) {
    return new FieldDescriptor(name, FieldKind.TEXT, required, maxLength, true, List.of(), null, null, null, null, null);
  }

  /** Text that is the same in every language and must match {@code pattern} (phone numbers, codes). */
  public static FieldDescriptor pattern(String name, boolean required, int maxLength, String pattern) {
    return new FieldDescriptor(name, FieldKind.TEXT, required, maxLength, false, List.of(), pattern, null, null, null,
        null);
  }

  /** A link target (see {@link FieldKind#URL}), the same in every language. */
  public static FieldDescriptor url(String name, boolean required, int maxLength) {
    return new FieldDescriptor(name, FieldKind.URL, required, maxLength, false, List.of(), null, null, null, null, null);
  }

  public static FieldDescriptor richText(String name, boolean required) {
    return new FieldDescriptor(name, FieldKind.RICH_TEXT, required, 0, true, List.of(), null, null, null, null, null);
  }

  public static FieldDescriptor of(String name, FieldKind kind, boolean required) {
    return new FieldDescriptor(name, kind, required, 0, false, List.of(), null, null, null, null, null);
  }

  public static FieldDescriptor number(String name, FieldKind kind, boolean required, Double min, Double max) {
    return new FieldDescriptor(name, kind, required, 0, false, List.of(), null, min, max, null, null);
  }

  public static FieldDescriptor oneOf(String name, boolean required, List<String> values) {
    return new FieldDescriptor(name, FieldKind.ENUM, required, 0, false, values, null, null, null, null, null);
  }

  public static FieldDescriptor reference(String name, boolean required, String targetType) {
    return new FieldDescriptor(name, FieldKind.REFERENCE, required, 0, false, List.of(), null, null, null, targetType,
        null);
  }

  public static FieldDescriptor media(String name, boolean required, String mediaKind) {
    return new FieldDescriptor(name, FieldKind.MEDIA, required, 0, false, List.of(), null, null, null, mediaKind, null);
  }

  /** A repeatable group: a list of entries, each with {@code children}. */
  public static FieldDescriptor group(String name, boolean required, Integer minEntries, Integer maxEntries,
      List<FieldDescriptor> children) {
    return new FieldDescriptor(name, FieldKind.GROUP, required, 0, false, List.of(), null,
        minEntries == null ? null : minEntries.doubleValue(), maxEntries == null ? null : maxEntries.doubleValue(), null,
        children);
  }
}
