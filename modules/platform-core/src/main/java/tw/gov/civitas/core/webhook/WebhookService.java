package tw.gov.civitas.core.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tw.gov.civitas.core.audit.AuditLog;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.error.FieldError;
import tw.gov.civitas.core.error.NotFoundException;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.security.SiteAuthorization;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;

/**
 * A site's administrators registering webhooks and reading their delivery log. What is delivered is
 * written by {@link WebhookOutbox}.
 */
@ApplicationScoped
public class WebhookService {

  public static final Set<String> EVENTS =
      Set.of("content.published", "content.unpublished", "content.deleted");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A webhook as the API shows it (the secret only at registration). */
  public record WebhookView(
      long id,
      String siteKey,
      String url,
      List<String> events,
      boolean active,
      String secret,
      String createdBy,
      Instant createdAt) {}

  /**
   * A delivery as the log shows it: {@code lastError} is a category ({@code refused-address},
   * {@code dns-failure}, {@code connect-timeout}, {@code connection-refused}, {@code tls-error},
   * {@code read-timeout}, {@code connection-error}, {@code http-3xx}/{@code 4xx}/{@code 5xx}).
   */
  public record DeliveryView(
      long id,
      String messageId,
      String event,
      String state,
      int attempts,
      Integer lastStatus,
      String lastError,
      Instant createdAt,
      Instant deliveredAt,
      Instant nextAttemptAt) {}

  @PersistenceContext(unitName = "civitas")
  EntityManager em;

  @Inject SiteRepository sites;
  @Inject SiteAuthorization authorization;
  @Inject AuditLog audit;
  @Inject WebhookTargetPolicy targets;
  @Inject tw.gov.civitas.core.module.Platform platform;

  @Transactional
  public WebhookView register(Caller caller, String siteKey, String url, List<String> events) {
    Site site = site(siteKey);
    authorization.require(caller, siteKey, CoreModule.SITE_MANAGE);
    List<FieldError> errors = new ArrayList<>();
    checkUrl(url, errors);
    List<String> chosen = events == null || events.isEmpty() ? List.copyOf(EVENTS) : events;
    Set<String> known = new java.util.TreeSet<>(EVENTS);
    known.addAll(platform.registry().eventTypes());
    for (int i = 0; i < chosen.size(); i++) {
      if (!known.contains(chosen.get(i))) {
        errors.add(new FieldError("events[" + i + "]", "must be one of " + known));
      }
    }
    if (!errors.isEmpty()) {
      throw new ContentValidationException(errors);
    }
    Webhook hook =
        new Webhook(
            site,
            url,
            WebhookSignature.newSecret(RANDOM),
            chosen.stream().distinct().sorted().toList(),
            caller.username(),
            Instant.now());
    em.persist(hook);
    audit.record(
        caller,
        siteKey,
        "webhook.register",
        "webhook",
        String.valueOf(hook.getId()),
        null,
        Json.createObjectBuilder()
            .add("url", url)
            .add("events", Json.createArrayBuilder(hook.getEvents()))
            .build()
            .toString());
    return view(hook, true);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<WebhookView> list(Caller caller, String siteKey) {
    site(siteKey);
    authorization.require(caller, siteKey, CoreModule.SITE_MANAGE);
    return em.createQuery(
            "select w from Webhook w join fetch w.site where w.site.key = :site order by w.id",
            Webhook.class)
        .setParameter("site", siteKey)
        .getResultStream()
        .map(w -> view(w, false))
        .toList();
  }

  @Transactional
  public void delete(Caller caller, String siteKey, long id) {
    authorization.require(caller, siteKey, CoreModule.SITE_MANAGE);
    Webhook hook = find(siteKey, id);
    em.remove(hook);
    audit.record(
        caller, siteKey, "webhook.delete", "webhook", String.valueOf(id), hook.getUrl(), null);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<DeliveryView> deliveries(Caller caller, String siteKey, long webhookId) {
    authorization.require(caller, siteKey, CoreModule.SITE_MANAGE);
    Webhook hook = find(siteKey, webhookId);
    return em.createQuery(
            "select d from WebhookDelivery d where d.webhook = :hook order by d.createdAt desc, d.id desc",
            WebhookDelivery.class)
        .setParameter("hook", hook)
        .setMaxResults(200)
        .getResultStream()
        .map(
            d ->
                new DeliveryView(
                    d.getId(),
                    d.getMessageId().toString(),
                    d.getEvent(),
                    d.getState().name().toLowerCase(),
                    d.getAttempts(),
                    d.getLastStatus(),
                    d.getLastError(),
                    d.getCreatedAt(),
                    d.getDeliveredAt(),
                    d.getNextAttemptAt()))
        .toList();
  }

  /**
   * Only http(s) URLs without credentials, to a host the {@link WebhookTargetPolicy} allows as far
   * as can be told now: a webhook must not become a way to reach the platform's own infrastructure.
   * The dispatcher checks again at every attempt (a name may resolve elsewhere later).
   */
  void checkUrl(String url, List<FieldError> errors) {
    if (url == null || url.length() > 2000) {
      errors.add(new FieldError("url", "is required, at most 2000 characters"));
      return;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
      if (!Set.of("http", "https").contains(scheme)
          || uri.getHost() == null
          || uri.getUserInfo() != null) {
        errors.add(new FieldError("url", "must be an http(s) URL without credentials"));
        return;
      }
      targets.resolve(IDN.toASCII(uri.getHost()));
    } catch (RefusedTargetException e) {
      errors.add(
          new FieldError(
              "url",
              "must not point at a loopback, private, link-local or other non-public address"));
    } catch (UnknownHostException e) {
      // Not resolvable today: accepted, and refused at sending time if it resolves somewhere it
      // must not.
    } catch (URISyntaxException | IllegalArgumentException e) {
      errors.add(new FieldError("url", "is not a valid URL"));
    }
  }

  private Webhook find(String siteKey, long id) {
    return em.createQuery(
            "select w from Webhook w join fetch w.site where w.site.key = :site and w.id = :id",
            Webhook.class)
        .setParameter("site", siteKey)
        .setParameter("id", id)
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () -> new NotFoundException("No webhook " + id + " on site '" + siteKey + "'"));
  }

  private Site site(String siteKey) {
    return sites.require(siteKey);
  }

  private static WebhookView view(Webhook w, boolean withSecret) {
    return new WebhookView(
        w.getId(),
        w.getSite().getKey(),
        w.getUrl(),
        w.getEvents(),
        w.isActive(),
        withSecret ? w.getSecret() : null,
        w.getCreatedBy(),
        w.getCreatedAt());
  }
}
