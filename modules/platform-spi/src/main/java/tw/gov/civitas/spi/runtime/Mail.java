package tw.gov.civitas.spi.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One plain-text e-mail, built with {@link #to}. */
public final class Mail {

  private final List<String> to;
  private final String subject;
  private final String text;

  private Mail(Builder b) {
    if (b.to.isEmpty()) {
      throw new IllegalArgumentException("a mail needs a recipient");
    }
    this.to = List.copyOf(b.to);
    this.subject = Objects.requireNonNull(b.subject, "subject");
    this.text = Objects.requireNonNull(b.text, "text");
  }

  public static Builder to(String address) {
    return new Builder().to(address);
  }

  public List<String> recipients() {
    return to;
  }

  public String subject() {
    return subject;
  }

  public String text() {
    return text;
  }

  /** Collects recipients, subject and text. */
  public static final class Builder {
    private final List<String> to = new ArrayList<>();
    private String subject;
    private String text;

    private Builder() {}

    public Builder to(String address) {
      to.add(Objects.requireNonNull(address, "address"));
      return this;
    }

    public Builder subject(String subject) {
      this.subject = subject;
      return this;
    }

    public Builder text(String text) {
      this.text = text;
      return this;
    }

    public Mail build() {
      return new Mail(this);
    }
  }
}
