package tw.gov.civitas.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a form shows for one request, given by its handler's {@link CitizenFormHandler#prepare}: an
 * introduction (what is being applied for, the terms), the options of its {@link
 * FieldDescriptor#choice choice fields}, the values a field starts with, and the context the form
 * carries back on submission (hidden, so a handler checks it again). Built with {@link #builder}.
 */
public final class CitizenFormPreparation {

  /** One option of a choice field: the value sent and the label read. */
  public record Option(String value, String labelZh, String labelEn) {
    public Option {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(labelZh, "labelZh");
      labelEn = labelEn == null ? labelZh : labelEn;
    }
  }

  private final List<String> introZh;
  private final List<String> introEn;
  private final Map<String, List<Option>> options;
  private final Map<String, String> values;
  private final Map<String, String> context;
  private final String refusal;

  private CitizenFormPreparation(Builder b) {
    this.introZh = List.copyOf(b.introZh);
    this.introEn = List.copyOf(b.introEn);
    this.options = Map.copyOf(b.options);
    this.values = Map.copyOf(b.values);
    this.context = Map.copyOf(b.context);
    this.refusal = b.refusal;
  }

  /** Nothing to add: the form as declared. */
  public static CitizenFormPreparation none() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public List<String> intro(String language) {
    return "en".equals(language) && !introEn.isEmpty() ? introEn : introZh;
  }

  /** A choice field's options for this request (empty: none to choose from). */
  public List<Option> options(String field) {
    return options.getOrDefault(field, List.of());
  }

  /** The value a field starts with, or {@code ""}. */
  public String value(String field) {
    return values.getOrDefault(field, "");
  }

  /** Name → value carried back, hidden, with the submission. */
  public Map<String, String> context() {
    return context;
  }

  /**
   * Why the form cannot be filled for this request (e.g. the day is fully booked), shown instead of
   * the form; {@code null} when it can.
   */
  public String refusal() {
    return refusal;
  }

  /** Collects a preparation. */
  public static final class Builder {
    private final List<String> introZh = new ArrayList<>();
    private final List<String> introEn = new ArrayList<>();
    private final Map<String, List<Option>> options = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> context = new LinkedHashMap<>();
    private String refusal;

    private Builder() {}

    /** A paragraph above the fields, in both languages. */
    public Builder intro(String zh, String en) {
      introZh.add(Objects.requireNonNull(zh, "zh"));
      introEn.add(en == null ? zh : en);
      return this;
    }

    public Builder options(String field, List<Option> choices) {
      options.put(field, List.copyOf(choices));
      return this;
    }

    public Builder value(String field, String value) {
      values.put(field, value == null ? "" : value);
      return this;
    }

    /** A value the form carries back, named like no field of the form. */
    public Builder context(String name, String value) {
      if (!name.matches("[a-z][a-zA-Z0-9_-]{0,31}")) {
        throw new IllegalArgumentException("context name " + name);
      }
      context.put(name, value == null ? "" : value);
      return this;
    }

    public Builder refuse(String message) {
      this.refusal = message;
      return this;
    }

    public CitizenFormPreparation build() {
      return new CitizenFormPreparation(this);
    }
  }
}
