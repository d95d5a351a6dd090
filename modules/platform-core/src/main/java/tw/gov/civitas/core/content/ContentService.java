package tw.gov.civitas.core.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tw.gov.civitas.core.audit.AuditLog;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.security.SiteAuthorization;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;
import tw.gov.civitas.spi.ContentTypeDescriptor;

/**
 * The content use cases. Every write checks the caller's permission on the target site first,
 * validates everything before touching the database, and records an audit event last, all in one
 * transaction: a refused or failed write stores nothing.
 */
@ApplicationScoped
public class ContentService {

  @PersistenceContext(unitName = "civitas")
  EntityManager em;

  @Inject SiteRepository sites;
  @Inject SiteAuthorization authorization;
  @Inject AuditLog audit;
  @Inject Platform platform;

  @Transactional
  public ContentView create(Caller caller, String siteKey, NewContent request) {
    Site site = site(siteKey);
    authorization.require(caller, siteKey, CoreModule.CONTENT_EDIT);

    List<FieldError> errors = new ArrayList<>();
    ContentValidator.checkSlug(request.slug(), errors);
    ContentTypeDescriptor type = null;
    if (request.type() == null || request.type().isBlank()) {
      errors.add(new FieldError("type", "is required"));
    } else {
      type = platform.registry().contentType(request.type()).orElse(null);
      if (type == null) {
        errors.add(new FieldError("type", "is not a known content type"));
      }
    }
    if (type == null) {
      throw new ContentValidationException(errors);
    }
    JsonObject fields = ContentValidator.validate(type, request.fields(), site.getDefaultLanguage(), errors);

    if (findItem(site, request.slug()).isPresent()) {
      throw new ConflictException("Site '" + siteKey + "' already has an item with slug '" + request.slug() + "'");
    }
    Instant now = Instant.now();
    ContentItem item = new ContentItem(site, type.id(), request.slug(), now);
    em.persist(item);
    Revision revision = new Revision(item, 1, fields.toString(), caller.username(), now, request.comment());
    em.persist(revision);
    item.revised(1, now);
    ContentView view = view(item, revision);
    audit.record(caller, siteKey, "content.create", "content-item", request.slug(), null, summary(view));
    return view;
  }

  @Transactional
  public ContentView transition(Caller caller, String siteKey, String slug, String action) {
    Site site = site(siteKey);
    Transition transition = Transition.fromWireName(action == null ? "" : action)
        .orElseThrow(() -> new ContentValidationException(List.of(new FieldError("action",
            "must be one of submit, withdraw, publish, unpublish, archive"))));
    authorization.require(caller, siteKey, transition.permission());
    ContentItem item = findItem(site, slug)
        .orElseThrow(() -> new NotFoundException("No item '" + slug + "' on site '" + siteKey + "'"));
    if (!transition.allowedFrom(item.getState())) {
      throw new ConflictException("Cannot " + transition.wireName() + " an item that is " + item.getState().wireName());
    }
    String before = summary(view(item, revision(item, item.getCurrentRevision())));
    item.moveTo(transition.target(), Instant.now());
    ContentView view = view(item, revision(item, item.getCurrentRevision()));
    audit.record(caller, siteKey, "content." + transition.wireName(), "content-item", slug, before, summary(view));
    return view;
  }

  /** The published revision of an item, for public delivery; empty if unknown or not published. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ContentView> published(String siteKey, String slug) {
    return em.createQuery("select i from ContentItem i join fetch i.site where i.site.key = :site and i.slug = :slug"
                + " and i.publishedRevision is not null", ContentItem.class)
        .setParameter("site", siteKey)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst()
        .map(item -> view(item, revision(item, item.getPublishedRevision())));
  }

  /** The current (possibly unpublished) revision, for people allowed to edit the site. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ContentView current(Caller caller, String siteKey, String slug) {
    Site site = site(siteKey);
    authorization.require(caller, siteKey, CoreModule.CONTENT_EDIT);
    ContentItem item = findItem(site, slug)
        .orElseThrow(() -> new NotFoundException("No item '" + slug + "' on site '" + siteKey + "'"));
    return view(item, revision(item, item.getCurrentRevision()));
  }

  public long countOnSite(String siteKey) {
    return em.createQuery("select count(i) from ContentItem i where i.site.key = :site", Long.class)
        .setParameter("site", siteKey)
        .getSingleResult();
  }

  private Site site(String siteKey) {
    return sites.findByKey(siteKey).orElseThrow(() -> new NotFoundException("No site '" + siteKey + "'"));
  }

  private Optional<ContentItem> findItem(Site site, String slug) {
    return em.createQuery("select i from ContentItem i join fetch i.site where i.site = :site and i.slug = :slug", ContentItem.class)
        .setParameter("site", site)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  private Revision revision(ContentItem item, int number) {
    return em.createQuery("select r from Revision r where r.item = :item and r.number = :number", Revision.class)
        .setParameter("item", item)
        .setParameter("number", number)
        .getSingleResult();
  }

  private static ContentView view(ContentItem item, Revision revision) {
    JsonObject fields;
    try (JsonReader reader = Json.createReader(new StringReader(revision.getFields()))) {
      fields = reader.readObject();
    }
    return new ContentView(item.getSite().getKey(), shortName(item.getTypeId()), item.getSlug(),
        item.getState().wireName(), item.getCurrentRevision(), item.getPublishedRevision(), fields,
        item.getCreatedAt(), item.getUpdatedAt(), item.getPublishedAt());
  }

  private static String shortName(String typeId) {
    return typeId.substring(typeId.indexOf("::") + 2);
  }

  private static String summary(ContentView v) {
    return Json.createObjectBuilder()
        .add("type", v.type())
        .add("slug", v.slug())
        .add("state", v.state())
        .add("revision", v.revision())
        .add("fields", v.fields())
        .build()
        .toString();
  }
}
