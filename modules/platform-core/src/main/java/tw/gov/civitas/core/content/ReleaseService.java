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
import tw.gov.civitas.core.audit.AuditLog;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.error.FieldError;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.security.SiteAuthorization;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;

/**
 * Batch releases: a publisher picks items and a time; at that time all of them go public together, or
 * none, each at the revision that was current when the publisher scheduled it.
 */
@ApplicationScoped
public class ReleaseService {

  @PersistenceContext(unitName = "civitas")
  EntityManager em;

  @Inject SiteRepository sites;
  @Inject SiteAuthorization authorization;
  @Inject AuditLog audit;
  @Inject ContentWorkflow workflow;

  @Transactional
  public ReleaseView create(Caller caller, String siteKey, String name, Instant releaseAt, List<String> slugs) {
    Site site = sites.require(siteKey);
    authorization.require(caller, siteKey, CoreModule.CONTENT_PUBLISH);
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
    ContentRelease release = new ContentRelease(site, name, releaseAt, caller.username(), Instant.now());
    List<ContentItem> items = new ArrayList<>();
    for (int i = 0; i < slugs.size(); i++) {
      String slug = slugs.get(i);
      List<ContentItem> found = em.createQuery("select i from ContentItem i where i.site = :site and i.slug = :slug",
          ContentItem.class).setParameter("site", site).setParameter("slug", slug).getResultList();
      if (found.isEmpty()) {
        errors.add(new FieldError("items[" + i + "]", "no item '" + slug + "' on this site"));
      } else {
        items.add(found.get(0));
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
    audit.record(caller, siteKey, "release.create", "release", String.valueOf(release.getId()), null,
        jakarta.json.Json.createObjectBuilder().add("name", name).add("releaseAt", releaseAt.toString())
            .add("items", jakarta.json.Json.createArrayBuilder(view.items())).build().toString());
    return view;
  }

  @Transactional
  public List<ReleaseView> list(Caller caller, String siteKey) {
    sites.require(siteKey);
    authorization.require(caller, siteKey, CoreModule.CONTENT_EDIT);
    return em.createQuery("select r from ContentRelease r join fetch r.site where r.site.key = :site"
            + " order by r.releaseAt desc", ContentRelease.class)
        .setParameter("site", siteKey).getResultStream().map(ReleaseService::view).toList();
  }

  /** Candidates, oldest due first; not locked (another node may take one first: {@link #release} then skips it). */
  @Transactional
  public List<Long> due(Instant now, int max) {
    return em.createQuery("select r.id from ContentRelease r where r.state = :state and r.releaseAt <= :now"
            + " order by r.releaseAt", Long.class)
        .setParameter("state", ContentRelease.State.SCHEDULED)
        .setParameter("now", now)
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * Claims one due release if nobody holds it and publishes each of its items at its approved
   * revision, all in one transaction; returns how many items went public.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int release(long id, Instant now, Caller system) {
    List<ContentRelease> claimed = em.createQuery("select r from ContentRelease r where r.id = :id"
            + " and r.state = :state and r.releaseAt <= :now", ContentRelease.class)
        .setParameter("id", id)
        .setParameter("state", ContentRelease.State.SCHEDULED)
        .setParameter("now", now)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .setHint("jakarta.persistence.lock.timeout", DueItems.SKIP_LOCKED)
        .getResultList();
    if (claimed.isEmpty()) {
      return 0;
    }
    ContentRelease release = claimed.get(0);
    boolean allPublishable = release.getItems().stream().allMatch(i -> Transition.PUBLISH.allowedFrom(i.getState()));
    if (!allPublishable) {
      // All or nothing: a release with an archived item publishes none of them.
      release.finish(ContentRelease.State.FAILED, now);
      audit.record(system, release.getSite().getKey(), "release.failed", "release", String.valueOf(release.getId()),
          null, null);
      return 0;
    }
    int published = 0;
    for (Map.Entry<ContentItem, Integer> item : release.getApprovedRevisions().entrySet()) {
      // Wait for an editor's save of the item to finish, rather than fail on its version at commit.
      em.lock(item.getKey(), LockModeType.PESSIMISTIC_WRITE);
      published += workflow.runDue(item.getKey(), Transition.PUBLISH, item.getValue(), system, now) ? 1 : 0;
    }
    release.finish(ContentRelease.State.RELEASED, now);
    audit.record(system, release.getSite().getKey(), "release.released", "release", String.valueOf(release.getId()),
        null, null);
    return published;
  }

  /** Records a release whose publication failed and rolled back: none of its items went public. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void failed(long id, Instant now, String reason, Caller system) {
    ContentRelease release = em.find(ContentRelease.class, id);
    if (release == null || release.getState() != ContentRelease.State.SCHEDULED) {
      return;
    }
    release.finish(ContentRelease.State.FAILED, now);
    audit.record(system, release.getSite().getKey(), "release.failed", "release", String.valueOf(id), null,
        jakarta.json.Json.createObjectBuilder().add("reason", reason).build().toString());
  }

  private static ReleaseView view(ContentRelease r) {
    return new ReleaseView(r.getId() == null ? 0 : r.getId(), r.getSite().getKey(), r.getName(), r.getReleaseAt(),
        r.getState().name().toLowerCase(Locale.ROOT), r.getCreatedBy(), r.getReleasedAt(),
        r.getItems().stream().map(ContentItem::getSlug).sorted().toList(),
        r.getApprovedRevisions().entrySet().stream().collect(java.util.stream.Collectors.toMap(
            e -> e.getKey().getSlug(), Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new)));
  }
}
