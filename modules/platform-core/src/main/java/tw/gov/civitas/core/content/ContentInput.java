package tw.gov.civitas.core.content;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * What an editor sends to create or change an item. On update, whatever the request leaves out
 * stays as it is.
 *
 * @param type short or namespaced type id (create only)
 * @param slug URL name, unique per site (create only)
 * @param fields field values; translatable ones as a string (site default language) or
 *     {"zh-TW":…,"en":…} (null on update: the fields stay as they are and no revision is made)
 * @param comment why this revision was made
 * @param tags free keywords used by delivery filters (null: unchanged on update)
 * @param publishAt when to publish automatically (mentioned as null: none)
 * @param unpublishAt when to unpublish automatically (mentioned as null: none)
 */
public record ContentInput(
    String type,
    String slug,
    JsonObject fields,
    String comment,
    List<String> tags,
    Change<Instant> publishAt,
    Change<Instant> unpublishAt) {}
