package tw.gov.civitas.core.content;

import jakarta.json.JsonObject;

/** A request to create an item: its type (short or namespaced id), slug, field values and a revision comment. */
public record NewContent(String type, String slug, JsonObject fields, String comment) {}
