package tw.gov.civitas.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a signed-in citizen sent with a {@link CitizenFormDescriptor form}: the text of its text
 * fields and, for its file fields, the files already stored as the citizen's private files (in the
 * same transaction as the handler: when the handler refuses the form, they are gone with it).
 */
public final class CitizenFormSubmission {

  private final String siteKey;
  private final Map<String, String> values;
  private final Map<String, FileReference> files;

  /**
   * @param values field name → the value sent ("" when left empty; a box {@code true} or {@code
   *     false}, several choices joined by commas), then the context the form carried back
   * @param files file field name → the stored file; a field left empty is absent
   */
  public CitizenFormSubmission(
      String siteKey, Map<String, String> values, Map<String, FileReference> files) {
    this.siteKey = Objects.requireNonNull(siteKey, "siteKey");
    this.values = Map.copyOf(values);
    this.files = Map.copyOf(files);
  }

  /** The site whose form it is. */
  public String siteKey() {
    return siteKey;
  }

  /** Text field name → the text entered. */
  public Map<String, String> values() {
    return values;
  }

  /** The text entered in one field ("" when the form has no such field or it was left empty). */
  public String value(String field) {
    return values.getOrDefault(field, "");
  }

  /** File field name → the stored file. */
  public Map<String, FileReference> files() {
    return files;
  }

  /** The file sent in one file field, if any. */
  public Optional<FileReference> file(String field) {
    return Optional.ofNullable(files.get(field));
  }
}
