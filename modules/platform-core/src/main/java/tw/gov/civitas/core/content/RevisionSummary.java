package tw.gov.civitas.core.content;

import java.time.Instant;

/** One entry of an item's history. */
public record RevisionSummary(
    int number,
    String author,
    Instant createdAt,
    String comment,
    boolean current,
    boolean published) {}
