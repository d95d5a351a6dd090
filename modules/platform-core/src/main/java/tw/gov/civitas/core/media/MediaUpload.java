package tw.gov.civitas.core.media;

/**
 * An upload as received: the bytes (already size-checked while reading) and what the editor said of
 * them.
 */
public record MediaUpload(
    byte[] bytes, String fileName, String altZh, String altEn, String title) {}
