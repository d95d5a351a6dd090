package tw.gov.civitas.core.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.error.FieldError;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.tenancy.SiteRepository;

/**
 * Showing a draft before it is published: an editor grants a signed, expiring link ({@link
 * PreviewTokens}), and whoever holds it reads the item at the granted revision.
 */
@ApplicationScoped
public class ContentPreview {

  @Inject SiteRepository sites;
  @Inject ContentAuthorization access;
  @Inject ContentRepository items;
  @Inject ContentAudit audit;

  /**
   * A grant showing the item at its current revision to anyone holding its link, until it expires
   * (default one day, at most seven).
   */
  @Transactional
  public PreviewTokens.Grant grant(Caller caller, String siteKey, String slug, Duration validFor) {
    ContentItem item = access.item(caller, siteKey, slug, CoreModule.CONTENT_EDIT);
    Duration d = validFor == null ? Duration.ofDays(1) : validFor;
    if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(7)) > 0) {
      throw new ContentValidationException(
          List.of(new FieldError("validForMinutes", "must be from 1 minute to 7 days")));
    }
    PreviewTokens.Grant grant =
        new PreviewTokens.Grant(
            siteKey, item.getId(), slug, item.getCurrentRevision(), Instant.now().plus(d));
    // Sharing a draft is recorded: who let whom see what, until when.
    audit.record(
        caller,
        item,
        "content.preview-link",
        null,
        Json.createObjectBuilder()
            .add("revision", grant.revision())
            .add("expiresAt", grant.expiresAt().toString())
            .build()
            .toString());
    return grant;
  }

  /**
   * The item at the revision a preview grant names (no permission check: the signed grant is the
   * permission), if it is still the same item: a re-created slug is another item.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ContentView> previewed(PreviewTokens.Grant grant) {
    return sites
        .findByKey(grant.siteKey())
        .flatMap(site -> items.find(site, grant.slug()))
        .filter(item -> item.getId() == grant.itemId())
        .map(item -> ContentView.of(item, items.revision(item, grant.revision())));
  }

  /**
   * What a previewed item references, at the same moment: other items at their current revision (a
   * draft previews with its drafts), by slug.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ContentView> current(String siteKey, String slug) {
    return sites
        .findByKey(siteKey)
        .flatMap(site -> items.find(site, slug))
        .map(item -> ContentView.of(item, items.current(item)));
  }
}
