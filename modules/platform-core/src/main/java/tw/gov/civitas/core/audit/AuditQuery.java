package tw.gov.civitas.core.audit;

import java.time.Instant;

/**
 * A search of the audit trail.
 *
 * @param siteKey one site, or null for every site (platform administrators only)
 * @param actor exact username, or null
 * @param action action prefix ({@code content.}, {@code content.publish}), or null
 * @param entityId exact entity id (a slug, a media id…), or null
 */
public record AuditQuery(
    String siteKey,
    String actor,
    String action,
    String entityId,
    Instant from,
    Instant to,
    int page,
    int size) {}
