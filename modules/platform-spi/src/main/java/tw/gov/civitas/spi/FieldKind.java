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
  GROUP
}
