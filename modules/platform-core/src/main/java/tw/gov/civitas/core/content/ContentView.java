package tw.gov.civitas.core.content;

import jakarta.json.JsonObject;
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
    Integer scheduledRevision) {}
