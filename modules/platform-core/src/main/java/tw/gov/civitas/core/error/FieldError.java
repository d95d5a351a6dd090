package tw.gov.civitas.core.error;

/**
 * Why one field of a write was refused; {@code field} is a JSON-pointer-like path ({@code
 * fields.title}).
 */
public record FieldError(String field, String message) {}
