package tw.gov.civitas.spi;

/** The kinds of value a content field holds. */
public enum FieldKind {
  TEXT,
  RICH_TEXT,
  INTEGER,
  DECIMAL,
  BOOLEAN,
  DATE,
  DATE_TIME,
  ENUM,
  MEDIA,
  REFERENCE,
  LOCATION,
  GROUP,
  /**
   * A link target: an http(s), mailto: or tel: URL, or a path on the site; never one that runs
   * script.
   */
  URL,
  /**
   * A citizen's upload (citizen forms only): checked by its content against the field's media types
   * and size, stored as a private file of the citizen, and handed to the form's handler as a {@link
   * FileReference}.
   */
  FILE
}
