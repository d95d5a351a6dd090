package tw.gov.civitas.core.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.error.FieldError;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.tenancy.Site;

/**
 * The editor's autosaves: an item's form as one person left it, kept aside from the item (no
 * revision, nothing public, nobody else sees it) until they save the item or discard it. The fields
 * are stored as typed, unchecked: the save that follows checks them.
 */
@ApplicationScoped
public class ContentAutosaves {

  /** Fields of more than this are not an item's form. */
  static final int MAX_CHARS = 1_000_000;

  /**
   * An autosave.
   *
   * @param baseRevision the item's revision the form was opened at (null for a new item)
   */
  public record Autosave(Integer baseRevision, JsonObject fields, Instant savedAt) {}

  @PersistenceContext(unitName = "civitas")
  EntityManager em;

  @Inject ContentAuthorization access;

  /**
   * @param itemKey the item's slug, or {@code new:<type>} for an item not saved yet
   */
  @Transactional
  public Instant save(
      Caller caller, String siteKey, String itemKey, Integer baseRevision, JsonObject fields) {
    Site site = access.site(caller, siteKey, CoreModule.CONTENT_EDIT);
    check(itemKey);
    String json = fields.toString();
    if (json.length() > MAX_CHARS) {
      throw new ContentValidationException(
          List.of(new FieldError("fields", "must be at most " + MAX_CHARS + " characters")));
    }
    Instant now = Instant.now();
    em.createNativeQuery(
            "insert into content_autosave (site_id, username, item_key, base_revision, fields,"
                + " saved_at) values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6)"
                + " on conflict (site_id, username, item_key) do update set"
                + " base_revision = excluded.base_revision, fields = excluded.fields,"
                + " saved_at = excluded.saved_at")
        .setParameter(1, site.getId())
        .setParameter(2, caller.username())
        .setParameter(3, itemKey)
        .setParameter(4, baseRevision)
        .setParameter(5, json)
        .setParameter(6, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
        .executeUpdate();
    return now;
  }

  /** The caller's own autosave of the item, if any. */
  @Transactional
  public Optional<Autosave> find(Caller caller, String siteKey, String itemKey) {
    Site site = access.site(caller, siteKey, CoreModule.CONTENT_EDIT);
    check(itemKey);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select base_revision, fields::text, saved_at from content_autosave"
                    + " where site_id = ?1 and username = ?2 and item_key = ?3")
            .setParameter(1, site.getId())
            .setParameter(2, caller.username())
            .setParameter(3, itemKey)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r ->
                new Autosave(
                    r[0] == null ? null : ((Number) r[0]).intValue(),
                    Json.createReader(new StringReader((String) r[1])).readObject(),
                    instant(r[2])));
  }

  /** Forgets the caller's autosave of the item (after a save, or when they discard it). */
  @Transactional
  public void discard(Caller caller, String siteKey, String itemKey) {
    Site site = access.site(caller, siteKey, CoreModule.CONTENT_EDIT);
    em.createNativeQuery(
            "delete from content_autosave where site_id = ?1 and username = ?2 and item_key = ?3")
        .setParameter(1, site.getId())
        .setParameter(2, caller.username())
        .setParameter(3, itemKey)
        .executeUpdate();
  }

  private static void check(String itemKey) {
    if (itemKey == null || !itemKey.matches("(new:)?[a-z0-9][a-z0-9:_-]{0,200}")) {
      throw new ContentValidationException(
          List.of(new FieldError("item", "must be an item's slug or new:<type>")));
    }
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    throw new IllegalStateException("unexpected timestamp " + value);
  }
}
