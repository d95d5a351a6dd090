package tw.gov.civitas.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One field of a content type and the rules every write must satisfy. Built with {@link #builder}
 * (or the shorthands below), so that a rule added later does not break a module that declares
 * fields.
 */
public final class FieldDescriptor {

  /**
   * The media types a {@link FieldKind#FILE file field} may accept, recognized by the file's bytes
   * (never by its name or the browser's claim).
   */
  public static final List<String> FILE_MEDIA_TYPES =
      List.of("application/pdf", "image/jpeg", "image/png");

  /** The largest file a file field may accept: 10 MiB. */
  public static final long FILE_MAX_BYTES = 10L * 1024 * 1024;

  private final String name;
  private final FieldKind kind;
  private final boolean required;
  private final int maxLength;
  private final boolean translatable;
  private final List<String> allowedValues;
  private final String pattern;
  private final Double min;
  private final Double max;
  private final String target;
  private final List<FieldDescriptor> children;
  private final List<String> mediaTypes;
  private final long maxBytes;
  private final String labelZh;
  private final String labelEn;
  private final boolean multiple;

  private FieldDescriptor(Builder b) {
    this.name = Objects.requireNonNull(b.name, "name");
    this.labelZh = b.labelZh;
    this.labelEn = b.labelEn;
    this.kind = Objects.requireNonNull(b.kind, "kind");
    this.required = b.required;
    this.maxLength = b.maxLength;
    this.translatable = b.translatable;
    this.allowedValues = List.copyOf(b.allowedValues);
    this.pattern = b.pattern;
    this.min = b.min;
    this.max = b.max;
    this.target = b.target;
    this.children = List.copyOf(b.children);
    this.multiple = b.multiple;
    if (multiple && kind != FieldKind.ENUM) {
      throw new IllegalArgumentException(
          "field '" + name + "': only choice fields take several values");
    }
    if (kind == FieldKind.GROUP && children.isEmpty()) {
      throw new IllegalArgumentException("group field '" + name + "' needs child fields");
    }
    if (kind == FieldKind.ENUM && allowedValues.isEmpty() && !b.optionsPerRequest) {
      throw new IllegalArgumentException("enum field '" + name + "' needs allowed values");
    }
    if (kind == FieldKind.FILE) {
      this.mediaTypes = b.mediaTypes.isEmpty() ? FILE_MEDIA_TYPES : List.copyOf(b.mediaTypes);
      for (String type : mediaTypes) {
        if (!FILE_MEDIA_TYPES.contains(type)) {
          throw new IllegalArgumentException(
              "file field '"
                  + name
                  + "' accepts "
                  + type
                  + "; file fields accept "
                  + String.join(", ", FILE_MEDIA_TYPES));
        }
      }
      this.maxBytes = b.maxBytes == 0 ? FILE_MAX_BYTES : b.maxBytes;
      if (maxBytes < 1 || maxBytes > FILE_MAX_BYTES) {
        throw new IllegalArgumentException(
            "file field '" + name + "' may accept 1 to " + FILE_MAX_BYTES + " bytes");
      }
    } else if (!b.mediaTypes.isEmpty() || b.maxBytes != 0) {
      throw new IllegalArgumentException(
          "field '"
              + name
              + "' is "
              + kind
              + "; only file fields take media types"
              + " and a size");
    } else {
      this.mediaTypes = List.of();
      this.maxBytes = 0;
    }
  }

  /**
   * A field named {@code name} (its name on the wire: {@code title}, {@code body}) holding {@code
   * kind}.
   */
  public static Builder builder(String name, FieldKind kind) {
    return new Builder(name, kind);
  }

  public static FieldDescriptor text(String name, boolean required, int maxLength) {
    return builder(name, FieldKind.TEXT)
        .required(required)
        .maxLength(maxLength)
        .translatable(true)
        .build();
  }

  /**
   * Text that is the same in every language and must match {@code pattern} (phone numbers, codes).
   */
  public static FieldDescriptor pattern(
      String name, boolean required, int maxLength, String pattern) {
    return builder(name, FieldKind.TEXT)
        .required(required)
        .maxLength(maxLength)
        .pattern(pattern)
        .build();
  }

  /** A link target (see {@link FieldKind#URL}), the same in every language. */
  public static FieldDescriptor url(String name, boolean required, int maxLength) {
    return builder(name, FieldKind.URL).required(required).maxLength(maxLength).build();
  }

  public static FieldDescriptor richText(String name, boolean required) {
    return builder(name, FieldKind.RICH_TEXT).required(required).translatable(true).build();
  }

  public static FieldDescriptor of(String name, FieldKind kind, boolean required) {
    return builder(name, kind).required(required).build();
  }

  public static FieldDescriptor number(
      String name, FieldKind kind, boolean required, Double min, Double max) {
    return builder(name, kind).required(required).min(min).max(max).build();
  }

  public static FieldDescriptor oneOf(String name, boolean required, List<String> values) {
    return builder(name, FieldKind.ENUM).required(required).allowedValues(values).build();
  }

  /**
   * A choice among options that each request gives (a citizen form's handler, in {@link
   * CitizenFormHandler#prepare}): one of them, or several when {@code multiple} (e.g. the free time
   * slots of a day). Several values arrive joined by commas.
   */
  public static FieldDescriptor choice(String name, boolean required, boolean multiple) {
    Builder b = builder(name, FieldKind.ENUM).required(required);
    b.optionsPerRequest = true;
    b.multiple = multiple;
    return b.build();
  }

  public static FieldDescriptor reference(String name, boolean required, String targetType) {
    return builder(name, FieldKind.REFERENCE).required(required).target(targetType).build();
  }

  public static FieldDescriptor media(String name, boolean required, String mediaKind) {
    return builder(name, FieldKind.MEDIA).required(required).target(mediaKind).build();
  }

  /**
   * A citizen's upload in a citizen form: at most {@code maxBytes}, of one of {@code mediaTypes} by
   * its content (a subset of {@link #FILE_MEDIA_TYPES}; empty = all of them).
   */
  public static FieldDescriptor file(
      String name, boolean required, long maxBytes, List<String> mediaTypes) {
    return builder(name, FieldKind.FILE)
        .required(required)
        .maxBytes(maxBytes)
        .mediaTypes(mediaTypes)
        .build();
  }

  /** A repeatable group: a list of entries, each with {@code children}. */
  public static FieldDescriptor group(
      String name,
      boolean required,
      Integer minEntries,
      Integer maxEntries,
      List<FieldDescriptor> children) {
    return builder(name, FieldKind.GROUP)
        .required(required)
        .min(minEntries == null ? null : minEntries.doubleValue())
        .max(maxEntries == null ? null : maxEntries.doubleValue())
        .children(children)
        .build();
  }

  /** Field name on the wire ({@code title}, {@code body}). */
  public String name() {
    return name;
  }

  public FieldKind kind() {
    return kind;
  }

  /** Whether a value must be present. */
  public boolean required() {
    return required;
  }

  /** For text kinds and URLs, the most characters allowed (0 = no limit). */
  public int maxLength() {
    return maxLength;
  }

  /** Whether the field holds one value per language. */
  public boolean translatable() {
    return translatable;
  }

  /** For {@link FieldKind#ENUM}, the values allowed. */
  public List<String> allowedValues() {
    return allowedValues;
  }

  /** For {@link FieldKind#TEXT}, a regular expression the whole value must match (null = any). */
  public String pattern() {
    return pattern;
  }

  /** For numbers the smallest value, for repeatable groups the fewest entries (null = none). */
  public Double min() {
    return min;
  }

  /** For numbers the largest value, for repeatable groups the most entries (null = none). */
  public Double max() {
    return max;
  }

  /**
   * For {@link FieldKind#REFERENCE}, the short name of the referenced type (null = any); for {@link
   * FieldKind#MEDIA}, {@code image} or {@code document} (null = either).
   */
  public String target() {
    return target;
  }

  /**
   * What forms call the field in Traditional Chinese, or null: the editor then names it from its
   * own messages ({@code field.<name>}), else by its name.
   */
  public String labelZh() {
    return labelZh;
  }

  /** What forms call the field in English, or null (as {@link #labelZh}). */
  public String labelEn() {
    return labelEn;
  }

  /** Whether a choice field takes several of its values (sent joined by commas). */
  public boolean multiple() {
    return multiple;
  }

  /** For {@link FieldKind#GROUP}, the fields of each entry. */
  public List<FieldDescriptor> children() {
    return children;
  }

  /**
   * For {@link FieldKind#FILE}, the media types accepted, recognized by content (empty for other
   * kinds).
   */
  public List<String> mediaTypes() {
    return mediaTypes;
  }

  /** For {@link FieldKind#FILE}, the largest file accepted, in bytes (0 for other kinds). */
  public long maxBytes() {
    return maxBytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldDescriptor f
        && name.equals(f.name)
        && kind == f.kind
        && required == f.required
        && maxLength == f.maxLength
        && translatable == f.translatable
        && allowedValues.equals(f.allowedValues)
        && Objects.equals(pattern, f.pattern)
        && Objects.equals(min, f.min)
        && Objects.equals(max, f.max)
        && Objects.equals(target, f.target)
        && children.equals(f.children)
        && mediaTypes.equals(f.mediaTypes)
        && multiple == f.multiple
        && maxBytes == f.maxBytes;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        name,
        kind,
        required,
        maxLength,
        translatable,
        allowedValues,
        pattern,
        min,
        max,
        target,
        children,
        mediaTypes,
        maxBytes);
  }

  @Override
  public String toString() {
    return "FieldDescriptor[" + name + ": " + kind + (required ? ", required" : "") + "]";
  }

  /** Collects a field's rules; every rule not set keeps its default (optional, no limit). */
  public static final class Builder {
    private final String name;
    private final FieldKind kind;
    private boolean required;
    private int maxLength;
    private boolean translatable;
    private List<String> allowedValues = List.of();
    private String pattern;
    private Double min;
    private Double max;
    private String target;
    private final List<FieldDescriptor> children = new ArrayList<>();
    private List<String> mediaTypes = List.of();
    private long maxBytes;
    private String labelZh;
    private String labelEn;
    private boolean multiple;
    private boolean optionsPerRequest;

    private Builder(String name, FieldKind kind) {
      this.name = name;
      this.kind = kind;
    }

    public Builder required(boolean required) {
      this.required = required;
      return this;
    }

    public Builder required() {
      return required(true);
    }

    public Builder maxLength(int maxLength) {
      this.maxLength = maxLength;
      return this;
    }

    public Builder translatable(boolean translatable) {
      this.translatable = translatable;
      return this;
    }

    public Builder translatable() {
      return translatable(true);
    }

    public Builder allowedValues(List<String> values) {
      this.allowedValues = values == null ? List.of() : values;
      return this;
    }

    public Builder pattern(String pattern) {
      this.pattern = pattern;
      return this;
    }

    public Builder min(Double min) {
      this.min = min;
      return this;
    }

    public Builder max(Double max) {
      this.max = max;
      return this;
    }

    public Builder target(String target) {
      this.target = target;
      return this;
    }

    public Builder children(List<FieldDescriptor> children) {
      if (children != null) {
        this.children.addAll(children);
      }
      return this;
    }

    public Builder child(FieldDescriptor child) {
      this.children.add(child);
      return this;
    }

    /**
     * For a file field: the media types accepted (by content); unset = every one of {@link
     * #FILE_MEDIA_TYPES}.
     */
    public Builder mediaTypes(List<String> types) {
      this.mediaTypes = types == null ? List.of() : types;
      return this;
    }

    /** For a file field: the largest file accepted, in bytes; unset = {@link #FILE_MAX_BYTES}. */
    public Builder maxBytes(long maxBytes) {
      this.maxBytes = maxBytes;
      return this;
    }

    /** The field's name in forms, in Traditional Chinese and English. */
    public Builder label(String zh, String en) {
      this.labelZh = zh;
      this.labelEn = en;
      return this;
    }

    public FieldDescriptor build() {
      return new FieldDescriptor(this);
    }
  }
}
