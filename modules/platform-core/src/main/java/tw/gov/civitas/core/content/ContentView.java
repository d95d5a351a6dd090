package tw.gov.civitas.core.content;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

/**
 * An item at one revision, as the API and the renderer read it.
 *
 * @param scheduledRevision the revision {@code publishAt} will make public, or null
 */
public record ContentView(
    String siteKey,
    String type,
    String slug,
    String state,
    int revision,
    Integer publishedRevision,
    JsonObject fields,
    List<String> tags,
    Instant createdAt,
    Instant updatedAt,
    Instant publishedAt,
    Instant publishAt,
    Instant unpublishAt,
    Integer scheduledRevision) {

  /** The item as it is now, with the fields of {@code revision}. */
  static ContentView of(ContentItem item, Revision revision) {
    return of(item, revision.getNumber(), revision.getFields());
  }

  /** The published state of an item, read from the item row alone (no revision join). */
  static ContentView published(ContentItem item) {
    return of(item, item.getCurrentRevision(), item.getPublishedFields());
  }

  private static ContentView of(ContentItem item, int revision, String fieldsJson) {
    return new ContentView(
        item.getSite().getKey(),
        shortName(item.getTypeId()),
        item.getSlug(),
        item.getState().wireName(),
        revision,
        item.getPublishedRevision(),
        parse(fieldsJson),
        item.getTags(),
        item.getCreatedAt(),
        item.getUpdatedAt(),
        item.getPublishedAt(),
        item.getPublishAt(),
        item.getUnpublishAt(),
        item.getScheduledRevision());
  }

  /**
   * The item's title in {@code language}, else in any language it has, else its slug: what a list
   * names it by.
   */
  public static String title(ContentView item, String language) {
    jakarta.json.JsonValue t = item.fields().get("title");
    if (t instanceof jakarta.json.JsonString s && !s.getString().isBlank()) {
      return s.getString();
    }
    if (t instanceof JsonObject o) {
      if (o.get(language) instanceof jakarta.json.JsonString s && !s.getString().isBlank()) {
        return s.getString();
      }
      for (jakarta.json.JsonValue v : o.values()) {
        if (v instanceof jakarta.json.JsonString s && !s.getString().isBlank()) {
          return s.getString();
        }
      }
    }
    return item.slug();
  }

  /**
   * A type id without its module's namespace ({@code core::page} → {@code page}), as the wire shows
   * it.
   */
  static String shortName(String typeId) {
    return typeId.substring(typeId.indexOf("::") + 2);
  }

  /** Stored fields (a revision's, or the published copy on the item) as JSON. */
  static JsonObject parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
