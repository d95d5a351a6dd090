package tw.gov.civitas.core.content;

/**
 * Fired after a content change commits: caches, the search index and webhooks react to it.
 *
 * @param kind what happened: created, updated, published, unpublished, archived, deleted…
 * @param publicChange whether what citizens see changed
 */
public record ContentChanged(String siteKey, String slug, String type, String kind, boolean publicChange) {}
