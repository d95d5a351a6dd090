package tw.gov.civitas.core.content;

import jakarta.json.JsonValue;

/**
 * How one field (or one language of a translatable field, e.g. {@code title.en}) differs between
 * two revisions.
 */
public record FieldChange(String field, JsonValue before, JsonValue after) {}
