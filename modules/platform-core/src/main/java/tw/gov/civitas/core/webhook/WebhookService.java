package tw.gov.civitas.core.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tw.gov.civitas.core.audit.AuditLog;
import tw.gov.civitas.core.content.ContentChanged;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.error.FieldError;
import tw.gov.civitas.core.error.NotFoundException;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.security.SiteAuthorization;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;

/**
 * Webhook registrations and their outbox. A public content change writes one delivery per
 * interested webhook in the transaction of the change itself, so the change and its notifications
 * commit or roll back together (a crash right after a publish loses nothing); {@link WebhookDispatcher}
 * sends them, retrying with backoff.
 */
@ApplicationScoped
public class WebhookService {

  public static final Set<String> EVENTS = Set.of("content.published", "content.unpublished", "content.deleted");
  static final int MAX_ATTEMPTS = 6;
  /** How many deliveries one claim takes: the dispatcher sends them one after another. */
  static final int BATCH = 10;
  /**
   * How long a claim keeps other nodes off its deliveries: three times the longest a batch can take
   * (every attempt is cut off at {@link WebhookSender#DEADLINE}), so a delivery still in flight is
   * never claimed and sent again by another node.
   */
  static final Duration LEASE = WebhookSender.DEADLINE.multipliedBy(3L * BATCH);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A webhook as the API shows it (the secret only at registration). */
  public record WebhookView(long id, String siteKey, String url, List<String> events, boolean active, String secret,
      String createdBy, Instant createdAt) {}

  /**
   * A delivery as the log shows it: {@code lastError} is a category ({@code refused-address},
   * {@code dns-failure}, {@code connect-timeout}, {@code connection-refused}, {@code tls-error},
   * {@code read-timeout}, {@code connection-error}, {@code http-3xx}/{@code 4xx}/{@code 5xx}).
   */
  public record DeliveryView(long id, String messageId, String event, String state, int attempts, Integer lastStatus,
      String lastError, Instant createdAt, Instant deliveredAt, Instant nextAttemptAt) {}

  /** What the dispatcher needs to send one delivery, read in the claiming transaction. */
  public record Claimed(long id, String messageId, String url, String secret, String event, String payload,
      int attempts) {}

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
    Webhook hook = new Webhook(site, url, WebhookSignature.newSecret(RANDOM),
        chosen.stream().distinct().sorted().toList(), caller.username(), Instant.now());
    em.persist(hook);
    audit.record(caller, siteKey, "webhook.register", "webhook", String.valueOf(hook.getId()), null,
        Json.createObjectBuilder().add("url", url).add("events", Json.createArrayBuilder(hook.getEvents())).build()
            .toString());
    return view(hook, true);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<WebhookView> list(Caller caller, String siteKey) {
    site(siteKey);
    authorization.require(caller, siteKey, CoreModule.SITE_MANAGE);
    return em.createQuery("select w from Webhook w join fetch w.site where w.site.key = :site order by w.id", Webhook.class)
        .setParameter("site", siteKey).getResultStream().map(w -> view(w, false)).toList();
  }

  @Transactional
  public void delete(Caller caller, String siteKey, long id) {
    authorization.require(caller, siteKey, CoreModule.SITE_MANAGE);
    Webhook hook = find(siteKey, id);
    em.remove(hook);
    audit.record(caller, siteKey, "webhook.delete", "webhook", String.valueOf(id), hook.getUrl(), null);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<DeliveryView> deliveries(Caller caller, String siteKey, long webhookId) {
    authorization.require(caller, siteKey, CoreModule.SITE_MANAGE);
    Webhook hook = find(siteKey, webhookId);
    return em.createQuery("select d from WebhookDelivery d where d.webhook = :hook order by d.createdAt desc, d.id desc",
            WebhookDelivery.class).setParameter("hook", hook).setMaxResults(200).getResultStream()
        .map(d -> new DeliveryView(d.getId(), d.getMessageId().toString(), d.getEvent(), d.getState().name().toLowerCase(), d.getAttempts(),
            d.getLastStatus(), d.getLastError(), d.getCreatedAt(), d.getDeliveredAt(), d.getNextAttemptAt()))
        .toList();
  }

  /**
   * Writes the notifications in the transaction that makes the change (the outbox): they commit with
   * it or not at all, and a failure to write them fails the change. (REQUIRED joins that transaction;
   * every content write has one.)
   */
  @Transactional
  public void contentChanged(@Observes(during = TransactionPhase.IN_PROGRESS) ContentChanged change) {
    if (!change.publicChange()) {
      return;
    }
    String event = switch (change.kind()) {
      case "published" -> "content.published";
      case "deleted" -> "content.deleted";
      default -> "content.unpublished";
    };
    List<Webhook> hooks = em.createQuery("select w from Webhook w where w.site.key = :site and w.active = true",
        Webhook.class).setParameter("site", change.siteKey()).getResultList();
    Instant now = Instant.now();
    for (Webhook hook : hooks) {
      if (!hook.getEvents().contains(event)) {
        continue;
      }
      String payload = Json.createObjectBuilder()
          .add("event", event)
          .add("site", change.siteKey())
          .add("type", change.type())
          .add("slug", change.slug())
          .add("occurredAt", now.toString())
          .add("links", Json.createObjectBuilder()
              .add("api", "/api/v1/sites/" + change.siteKey() + "/content/" + change.slug())
              .add("html", "/sites/" + change.siteKey() + "/" + change.slug()))
          .build().toString();
      em.persist(new WebhookDelivery(hook, event, payload, now));
    }
  }

  /**
   * A module's own event for a site's webhooks that subscribe to it, written in the current
   * transaction (the outbox), so it is delivered exactly when the module's write commits.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void enqueue(String siteKey, String event, jakarta.json.JsonObject data) {
    if (!platform.registry().eventTypes().contains(event)) {
      throw new IllegalArgumentException("No module declares the event type '" + event + "'");
    }
    Instant now = Instant.now();
    String payload = Json.createObjectBuilder().add("event", event).add("site", siteKey)
        .add("occurredAt", now.toString()).add("data", data).build().toString();
    for (Webhook hook : em.createQuery("select w from Webhook w where w.site.key = :site and w.active = true",
        Webhook.class).setParameter("site", siteKey).getResultList()) {
      if (hook.getEvents().contains(event)) {
        em.persist(new WebhookDelivery(hook, event, payload, now));
      }
    }
  }

  /** Claims due deliveries for a while (a lease), so that no other node sends them meanwhile. */
  @Transactional
  public List<Claimed> claimDue(Instant now) {
    List<WebhookDelivery> due = em.createQuery("select d from WebhookDelivery d join fetch d.webhook"
            + " where d.state = :pending and d.nextAttemptAt <= :now order by d.nextAttemptAt", WebhookDelivery.class)
        .setParameter("pending", WebhookDelivery.State.PENDING)
        .setParameter("now", now)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .setHint("jakarta.persistence.lock.timeout", -2)
        .setMaxResults(BATCH)
        .getResultList();
    List<Claimed> claimed = new ArrayList<>();
    for (WebhookDelivery d : due) {
      d.lease(now.plus(LEASE));
      claimed.add(new Claimed(d.getId(), d.getMessageId().toString(), d.getWebhook().getUrl(), d.getWebhook().getSecret(), d.getEvent(),
          d.getPayload(), d.getAttempts()));
    }
    return claimed;
  }

  /** Records one attempt: its HTTP status if the target answered, and the failure's category if it failed. */
  @Transactional
  public void recordResult(long deliveryId, Integer status, String errorCategory, Instant now) {
    WebhookDelivery d = em.find(WebhookDelivery.class, deliveryId);
    if (d == null) {
      return; // the webhook was deleted meanwhile
    }
    if (status != null && status >= 200 && status < 300) {
      d.succeeded(status, now);
    } else {
      int attempt = d.getAttempts() + 1;
      Instant retry = attempt >= MAX_ATTEMPTS ? null : now.plus(backoff(attempt));
      d.failed(status, errorCategory != null ? errorCategory : WebhookSender.statusCategory(status), retry);
    }
  }

  /** 1, 4, 16, 64… times the base delay (60 s unless {@code civitas.webhooks.backoff-seconds} says otherwise). */
  static Duration backoff(int attempt) {
    long base = Long.getLong("civitas.webhooks.backoff-seconds", 60);
    return Duration.ofSeconds(base * (1L << (2 * (attempt - 1))));
  }

  /**
   * Only http(s) URLs without credentials, to a host the {@link WebhookTargetPolicy} allows as far as
   * can be told now: a webhook must not become a way to reach the platform's own infrastructure. The
   * dispatcher checks again at every attempt (a name may resolve elsewhere later).
   */
  void checkUrl(String url, List<FieldError> errors) {
    if (url == null || url.length() > 2000) {
      errors.add(new FieldError("url", "is required, at most 2000 characters"));
      return;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
      if (!Set.of("http", "https").contains(scheme) || uri.getHost() == null || uri.getUserInfo() != null) {
        errors.add(new FieldError("url", "must be an http(s) URL without credentials"));
        return;
      }
      targets.resolve(IDN.toASCII(uri.getHost()));
    } catch (RefusedTargetException e) {
      errors.add(new FieldError("url", "must not point at a loopback, private, link-local or other non-public address"));
    } catch (UnknownHostException e) {
      // Not resolvable today: accepted, and refused at sending time if it resolves somewhere it must not.
    } catch (URISyntaxException | IllegalArgumentException e) {
      errors.add(new FieldError("url", "is not a valid URL"));
    }
  }

  private Webhook find(String siteKey, long id) {
    return em.createQuery("select w from Webhook w join fetch w.site where w.site.key = :site and w.id = :id",
            Webhook.class).setParameter("site", siteKey).setParameter("id", id).getResultStream().findFirst()
        .orElseThrow(() -> new NotFoundException("No webhook " + id + " on site '" + siteKey + "'"));
  }

  private Site site(String siteKey) {
    return sites.require(siteKey);
  }

  private static WebhookView view(Webhook w, boolean withSecret) {
    return new WebhookView(w.getId(), w.getSite().getKey(), w.getUrl(), w.getEvents(), w.isActive(),
        withSecret ? w.getSecret() : null, w.getCreatedBy(), w.getCreatedAt());
  }
}
