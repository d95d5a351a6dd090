package tw.gov.civitas.core.media;

import jakarta.json.JsonObject;
import java.time.Instant;

/** An uploaded file as the API shows it; {@code renditions} names each variant's size and type. */
public record MediaView(
    String id,
    String siteKey,
    String kind,
    String mediaType,
    String fileName,
    long size,
    String altZh,
    String altEn,
    String title,
    Integer width,
    Integer height,
    JsonObject renditions,
    String createdBy,
    Instant createdAt,
    int version) {

  /** The public address of a variant ({@code original}, {@code thumbnail}…). */
  public String url(String variant) {
    return Media.url(siteKey, id, version, variant);
  }
}
