package tw.gov.civitas.editor;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tw.gov.civitas.core.audit.AuditEvent;
import tw.gov.civitas.core.audit.AuditLog;
import tw.gov.civitas.core.content.ContentEditing;
import tw.gov.civitas.core.content.ItemFilter;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.security.CallerFactory;

/**
 * The editor's start page: what the user has to do today across their sites (drafts, reviews, what
 * publishes or expires this week) and what happened on those sites lately.
 */
@Named("dashboard")
@RequestScoped
public class DashboardBean {

  /** A line of the recent-activity list. */
  public static class Activity {
    private final String time;
    private final String site;
    private final String actor;
    private final String action;
    private final String entity;

    Activity(AuditEvent e, EditorLanguage lang) {
      this.time = ItemRow.time(e.getOccurredAt());
      this.site = e.getSiteKey();
      this.actor = e.getActor();
      this.action = lang.text("audit." + e.getAction());
      this.entity = e.getEntityId() == null ? "" : e.getEntityId();
    }

    public String getTime() {
      return time;
    }

    public String getSite() {
      return site;
    }

    public String getActor() {
      return actor;
    }

    public String getAction() {
      return action;
    }

    public String getEntity() {
      return entity;
    }
  }

  @Inject CallerFactory callers;
  @Inject ContentEditing content;
  @Inject Platform platform;
  @Inject AuditLog audit;
  @Inject EditorLanguage lang;
  @Inject EditorHomeBean home;
  @Inject tw.gov.civitas.core.security.SiteAuthorization authorization;

  private List<ItemRow> drafts;
  private List<ItemRow> reviews;
  private List<ItemRow> scheduled;
  private List<Activity> activity;

  private Caller caller() {
    return callers.current().orElseThrow();
  }

  private List<ItemRow> rows(String permission, ItemFilter filter) {
    return content.listAcross(caller(), permission, filter).items().stream()
        .map(m -> new ItemRow(m, platform.registry(), lang.getLocale()))
        .toList();
  }

  /** Drafts whose current revision the user wrote. */
  public List<ItemRow> getDrafts() {
    if (drafts == null) {
      drafts =
          rows(
              CoreModule.CONTENT_EDIT,
              new ItemFilter(
                  null, "draft", null, caller().username(), null, null, null, null, null, 1, 10));
    }
    return drafts;
  }

  /** Items in review on the sites where the user may publish. */
  public List<ItemRow> getReviews() {
    if (reviews == null) {
      reviews =
          rows(
              CoreModule.CONTENT_PUBLISH,
              new ItemFilter(
                  null, "in-review", null, null, null, null, null, null, "updated", 1, 20));
    }
    return reviews;
  }

  /** What publishes or expires by itself in the next seven days. */
  public List<ItemRow> getScheduled() {
    if (scheduled == null) {
      scheduled =
          rows(
              CoreModule.CONTENT_EDIT,
              new ItemFilter(
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  Instant.now().plus(Duration.ofDays(7)),
                  "scheduled",
                  1,
                  20));
    }
    return scheduled;
  }

  /** The latest changes on the user's sites, newest first. */
  public List<Activity> getActivity() {
    if (activity == null) {
      List<AuditEvent> events = new ArrayList<>();
      for (EditorHomeBean.SiteRow site : home.getSites().stream().limit(20).toList()) {
        // Editors see what happened to content; the site's administrators see everything.
        boolean manager = authorization.holds(caller(), site.getKey(), CoreModule.SITE_MANAGE);
        audit.forSite(site.getKey(), 10).stream()
            .filter(e -> manager || "content-item".equals(e.getEntityType()))
            .forEach(events::add);
      }
      activity =
          events.stream()
              .sorted(Comparator.comparing(AuditEvent::getOccurredAt).reversed())
              .limit(15)
              .map(e -> new Activity(e, lang))
              .toList();
    }
    return activity;
  }
}
