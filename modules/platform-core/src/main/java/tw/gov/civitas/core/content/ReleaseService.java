package tw.gov.civitas.core.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tw.gov.civitas.core.audit.AuditLog;
import tw.gov.civitas.core.error.ConflictException;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.error.FieldError;
import tw.gov.civitas.core.error.NotFoundException;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.tenancy.Site;

/**
 * Batch releases: a publisher picks items and a time; at that time all of them go public together,
 * or none, each at the revision that was current when the publisher scheduled it ({@link
 * DueReleases} carries them out).
 */
@ApplicationScoped
public class ReleaseService {

  @PersistenceContext(unitName = "civitas")
  EntityManager em;

  @Inject ContentAuthorization access;
  @Inject ContentRepository contentItems;
  @Inject AuditLog audit;
  @Inject ContentWorkflow workflow;

  @Transactional
  public ReleaseView create(
      Caller caller, String siteKey, String name, Instant releaseAt, List<String> slugs) {
    Site site = access.site(caller, siteKey, CoreModule.CONTENT_PUBLISH);
    List<FieldError> errors = new ArrayList<>();
    if (name == null || name.isBlank() || name.length() > 200) {
      errors.add(new FieldError("name", "is required, at most 200 characters"));
    }
    if (releaseAt == null) {
      errors.add(new FieldError("releaseAt", "is required (an ISO date-time with offset)"));
    }
    if (slugs == null || slugs.isEmpty()) {
      errors.add(new FieldError("items", "needs at least one item slug"));
    }
    if (!errors.isEmpty()) {
      throw new ContentValidationException(errors);
    }
    ContentRelease release =
        new ContentRelease(site, name, releaseAt, caller.username(), Instant.now());
    List<ContentItem> items = new ArrayList<>();
    for (int i = 0; i < slugs.size(); i++) {
      String slug = slugs.get(i);
      Optional<ContentItem> found = contentItems.find(site, slug);
      if (found.isEmpty()) {
        errors.add(new FieldError("items[" + i + "]", "no item '" + slug + "' on this site"));
      } else {
        items.add(found.get());
      }
    }
    if (!errors.isEmpty()) {
      throw new ContentValidationException(errors);
    }
    for (ContentItem item : items) {
      // Scheduling a release is the review: it publishes what the caller saw, not a later draft.
      release.add(item, workflow.approve(caller, item));
    }
    em.persist(release);
    ReleaseView view = view(release);
    audit.record(
        caller,
        siteKey,
        "release.create",
        "release",
        String.valueOf(release.getId()),
        null,
        jakarta.json.Json.createObjectBuilder()
            .add("name", name)
            .add("releaseAt", releaseAt.toString())
            .add("items", jakarta.json.Json.createArrayBuilder(view.items()))
            .build()
            .toString());
    return view;
  }

  @Transactional
  public List<ReleaseView> list(Caller caller, String siteKey) {
    access.site(caller, siteKey, CoreModule.CONTENT_EDIT);
    return em.createQuery(
            "select r from ContentRelease r join fetch r.site where r.site.key = :site"
                + " order by r.releaseAt desc",
            ContentRelease.class)
        .setParameter("site", siteKey)
        .getResultStream()
        .map(ReleaseService::view)
        .toList();
  }

  /**
   * Takes a scheduled release back: nothing of it goes public. Its items keep their states (the
   * publisher may publish them, or schedule another release); a release that ran cannot be undone.
   */
  @Transactional
  public ReleaseView cancel(Caller caller, String siteKey, long id) {
    Site site = access.site(caller, siteKey, CoreModule.CONTENT_PUBLISH);
    ContentRelease release = em.find(ContentRelease.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (release == null || !release.getSite().getId().equals(site.getId())) {
      throw new NotFoundException("No release " + id + " on this site");
    }
    if (release.getState() != ContentRelease.State.SCHEDULED) {
      throw new ConflictException(
          "The release is "
              + release.getState().name().toLowerCase(Locale.ROOT)
              + ", not scheduled");
    }
    release.finish(ContentRelease.State.CANCELLED, Instant.now());
    audit.record(caller, siteKey, "release.cancel", "release", String.valueOf(id), null, null);
    return view(release);
  }

  private static ReleaseView view(ContentRelease r) {
    return new ReleaseView(
        r.getId() == null ? 0 : r.getId(),
        r.getSite().getKey(),
        r.getName(),
        r.getReleaseAt(),
        r.getState().name().toLowerCase(Locale.ROOT),
        r.getCreatedBy(),
        r.getReleasedAt(),
        r.getItems().stream().map(ContentItem::getSlug).sorted().toList(),
        r.getApprovedRevisions().entrySet().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    e -> e.getKey().getSlug(),
                    Map.Entry::getValue,
                    (a, b) -> a,
                    java.util.TreeMap::new)));
  }
}
