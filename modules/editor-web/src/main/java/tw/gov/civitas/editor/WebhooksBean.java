package tw.gov.civitas.editor;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.error.NotFoundException;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.webhook.WebhookService;
import tw.gov.civitas.security.CallerFactory;

/**
 * A site's webhooks, for its administrators: where the site's events are sent, a new one (its
 * signing secret shown once), removal, and each webhook's delivery log with the reason of a failed
 * attempt.
 */
@Named("webhooks")
@ViewScoped
public class WebhooksBean implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A webhook of the list. */
  public record Row(long id, String url, String events, String createdBy, String createdAt)
      implements Serializable {
    public long getId() {
      return id;
    }

    public String getUrl() {
      return url;
    }

    public String getEvents() {
      return events;
    }

    public String getCreatedBy() {
      return createdBy;
    }

    public String getCreatedAt() {
      return createdAt;
    }
  }

  /** An attempt of the delivery log. */
  public record Delivery(
      String event, String state, int attempts, String outcome, String createdAt, String next)
      implements Serializable {
    public String getEvent() {
      return event;
    }

    public String getState() {
      return state;
    }

    public int getAttempts() {
      return attempts;
    }

    public String getOutcome() {
      return outcome;
    }

    public String getCreatedAt() {
      return createdAt;
    }

    public String getNext() {
      return next;
    }
  }

  @Inject transient CallerFactory callers;
  @Inject transient SiteAdmission admission;
  @Inject transient WebhookService service;
  @Inject transient Platform platform;
  @Inject transient EditorLanguage lang;

  private String site;
  private String siteName;
  private List<Row> rows = List.of();
  private List<String> eventTypes = List.of();
  private String url;
  private List<String> events = new ArrayList<>();
  private String secret;
  private Long shown;
  private List<Delivery> deliveries = List.of();
  private final FieldErrors errors = new FieldErrors();
  private String notice;

  public void load() throws IOException {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    Site found = admission.admit(site, CoreModule.SITE_MANAGE).orElse(null);
    if (found == null) {
      return;
    }
    siteName = lang.pick(found.getNameZh(), found.getNameEn());
    TreeSet<String> known = new TreeSet<>(WebhookService.EVENTS);
    known.addAll(platform.registry().eventTypes());
    eventTypes = List.copyOf(known);
    refresh();
  }

  private Caller caller() {
    return callers.current().orElseThrow();
  }

  private void refresh() {
    rows =
        service.list(caller(), site).stream()
            .map(
                w ->
                    new Row(
                        w.id(),
                        w.url(),
                        String.join(", ", w.events()),
                        w.createdBy(),
                        ItemRow.time(w.createdAt())))
            .toList();
  }

  public void register() {
    errors.clear();
    notice = null;
    secret = null;
    try {
      WebhookService.WebhookView made =
          service.register(caller(), site, Inputs.typed(url), List.copyOf(events));
      secret = made.secret();
      notice = lang.text("webhooks.registered", made.url());
      url = null;
      events = new ArrayList<>();
    } catch (ContentValidationException e) {
      errors.addAll(e, lang.getLocale());
    }
    refresh();
  }

  public void delete(long id) {
    errors.clear();
    secret = null;
    try {
      service.delete(caller(), site, id);
      notice = lang.text("webhooks.deleted");
      if (shown != null && shown == id) {
        shown = null;
        deliveries = List.of();
      }
    } catch (NotFoundException e) {
      notice = lang.text("webhooks.gone");
    }
    refresh();
  }

  public void show(long id) {
    secret = null;
    notice = null;
    try {
      deliveries =
          service.deliveries(caller(), site, id).stream()
              .map(
                  d ->
                      new Delivery(
                          d.event(),
                          lang.text("webhooks.state." + d.state()),
                          d.attempts(),
                          d.lastStatus() != null
                              ? "HTTP " + d.lastStatus()
                              : d.lastError() == null ? "" : d.lastError(),
                          ItemRow.time(d.createdAt()),
                          ItemRow.time(d.nextAttemptAt())))
              .toList();
      shown = id;
    } catch (NotFoundException e) {
      notice = lang.text("webhooks.gone");
      refresh();
    }
  }

  public String error(String field) {
    return errors.get(field);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  public String getSite() {
    return site;
  }

  public void setSite(String site) {
    this.site = SiteAdmission.firstValue(this.site, site);
  }

  public String getSiteName() {
    return siteName;
  }

  public List<Row> getRows() {
    return rows;
  }

  public List<String> getEventTypes() {
    return eventTypes;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public List<String> getEvents() {
    return events;
  }

  public void setEvents(List<String> events) {
    this.events = events == null ? new ArrayList<>() : new ArrayList<>(events);
  }

  public String getSecret() {
    return secret;
  }

  public Long getShown() {
    return shown;
  }

  public List<Delivery> getDeliveries() {
    return deliveries;
  }

  public String getNotice() {
    return notice;
  }
}
