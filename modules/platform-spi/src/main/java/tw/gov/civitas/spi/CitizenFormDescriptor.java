package tw.gov.civitas.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A form a signed-in citizen fills on a site that enables the module (an application, an
 * appointment, a petition), described as data: the platform renders it at {@code
 * /account/services/<site>/<id>} (accessible, working without JavaScript, with a CSRF token), shows
 * errors next to their fields, and hands what was sent to the module's {@link CitizenFormHandler}.
 * A {@link FieldKind#FILE file field} (see {@link FieldDescriptor#file}) takes an upload, which the
 * platform checks by its content and stores as the citizen's private file before the handler sees
 * it. Built with {@link #builder}.
 */
public final class CitizenFormDescriptor {

  private final String id;
  private final String titleZh;
  private final String titleEn;
  private final List<FieldDescriptor> fields;
  private final List<String> labelsZh;
  private final List<String> labelsEn;
  private final Class<? extends CitizenFormHandler> handler;

  /**
   * The kinds a citizen form's field may be: text, a whole number ({@code min}/{@code max}), a
   * yes/no box (required: it must be ticked, e.g. terms accepted), a date, a choice ({@link
   * FieldDescriptor#oneOf} or {@link FieldDescriptor#choice}) and a file.
   */
  public static final java.util.Set<FieldKind> FIELD_KINDS =
      java.util.Set.of(
          FieldKind.TEXT,
          FieldKind.INTEGER,
          FieldKind.BOOLEAN,
          FieldKind.DATE,
          FieldKind.ENUM,
          FieldKind.FILE);

  private CitizenFormDescriptor(Builder b) {
    this.id = Objects.requireNonNull(b.id, "id");
    if (!id.matches("[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException(
          "citizen form id must be <module>.<name>, e.g. ecounter.permit: " + id);
    }
    this.titleZh =
        Objects.requireNonNull(b.titleZh, () -> "citizen form " + id + " needs a zh-TW title");
    this.titleEn = b.titleEn == null ? "" : b.titleEn;
    if (b.fields.isEmpty()) {
      throw new IllegalArgumentException("citizen form " + id + " needs at least one field");
    }
    for (FieldDescriptor f : b.fields) {
      if (!FIELD_KINDS.contains(f.kind())) {
        throw new IllegalArgumentException(
            "citizen form "
                + id
                + ": field "
                + f.name()
                + " is "
                + f.kind()
                + "; citizen forms take "
                + FIELD_KINDS);
      }
    }
    this.fields = List.copyOf(b.fields);
    if (fields.stream().map(FieldDescriptor::name).distinct().count() != fields.size()
        || fields.stream().anyMatch(f -> f.name().equals("csrf"))) {
      throw new IllegalArgumentException(
          "citizen form " + id + " names a field twice or names one 'csrf'");
    }
    this.labelsZh = List.copyOf(b.labelsZh);
    this.labelsEn = List.copyOf(b.labelsEn);
    this.handler =
        Objects.requireNonNull(
            b.handler, () -> "citizen form " + id + " needs its CitizenFormHandler class");
  }

  /**
   * @param id {@code <module>.<name>}; stable, it is in the form's address
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  public String id() {
    return id;
  }

  public String titleZh() {
    return titleZh;
  }

  public String titleEn() {
    return titleEn;
  }

  public List<FieldDescriptor> fields() {
    return fields;
  }

  /** The label of the field at {@code index}, in Traditional Chinese. */
  public String labelZh(int index) {
    return labelsZh.get(index);
  }

  /** The label of the field at {@code index}, in English (may be empty). */
  public String labelEn(int index) {
    return labelsEn.get(index);
  }

  public Class<? extends CitizenFormHandler> handler() {
    return handler;
  }

  /** Whether the form takes uploads (then it is sent as multipart/form-data). */
  public boolean hasFiles() {
    return fields.stream().anyMatch(f -> f.kind() == FieldKind.FILE);
  }

  public String moduleId() {
    return id.substring(0, id.indexOf('.'));
  }

  /** Collects a form's titles, labelled fields and handler. */
  public static final class Builder {
    private final String id;
    private String titleZh;
    private String titleEn;
    private final List<FieldDescriptor> fields = new ArrayList<>();
    private final List<String> labelsZh = new ArrayList<>();
    private final List<String> labelsEn = new ArrayList<>();
    private Class<? extends CitizenFormHandler> handler;

    private Builder(String id) {
      this.id = id;
    }

    public Builder title(String zh, String en) {
      this.titleZh = zh;
      this.titleEn = en;
      return this;
    }

    /** A field and its label in both languages, in the form's order. */
    public Builder field(FieldDescriptor field, String labelZh, String labelEn) {
      fields.add(Objects.requireNonNull(field, "field"));
      labelsZh.add(Objects.requireNonNull(labelZh, "labelZh"));
      labelsEn.add(labelEn == null ? "" : labelEn);
      return this;
    }

    public Builder handler(Class<? extends CitizenFormHandler> handler) {
      this.handler = handler;
      return this;
    }

    public CitizenFormDescriptor build() {
      return new CitizenFormDescriptor(this);
    }
  }
}
