package tw.gov.civitas.core.content;

import java.time.Instant;
import java.util.List;

/** A batch release as the API shows it. */
public record ReleaseView(long id, String siteKey, String name, Instant releaseAt, String state, String createdBy,
    Instant releasedAt, List<String> items) {}
