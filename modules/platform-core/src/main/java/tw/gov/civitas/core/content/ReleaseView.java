package tw.gov.civitas.core.content;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A batch release as the API shows it.
 *
 * @param revisions the revision each item is published at, by slug
 */
public record ReleaseView(
    long id,
    String siteKey,
    String name,
    Instant releaseAt,
    String state,
    String createdBy,
    Instant releasedAt,
    List<String> items,
    Map<String, Integer> revisions) {}
