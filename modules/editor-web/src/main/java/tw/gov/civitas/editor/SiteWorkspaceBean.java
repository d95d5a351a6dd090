package tw.gov.civitas.editor;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tw.gov.civitas.core.audit.AuditEvent;
import tw.gov.civitas.core.audit.AuditLog;
import tw.gov.civitas.core.audit.AuditQuery;
import tw.gov.civitas.core.content.ContentEditing;
import tw.gov.civitas.core.content.ContentView;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.security.SiteAuthorization;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;
import tw.gov.civitas.security.CallerFactory;

/**
 * One site's workspace in the editor: its content and audit trail (role holders are a data page of
 * the identity module, listed with the other modules' pages). Refused with 403 to anyone without a
 * role on the site, whatever link they followed.
 */
@Named("workspace")
@ViewScoped
public class SiteWorkspaceBean implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(TAIPEI);

  /** A row of the audit table (Faces EL needs getters). */
  public static class AuditRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String time;
    private final String actor;
    private final String action;
    private final String entity;
    private final String clientAddress;

    AuditRow(AuditEvent e) {
      this.time = TIME.format(e.getOccurredAt());
      this.actor = e.getActor();
      this.action = e.getAction();
      this.entity = e.getEntityType() + (e.getEntityId() == null ? "" : " " + e.getEntityId());
      this.clientAddress = e.getClientAddress();
    }

    public String getTime() {
      return time;
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

    public String getClientAddress() {
      return clientAddress;
    }
  }

  /** A row of the content table. */
  public static class ItemRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String slug;
    private final String type;
    private final String title;
    private final String state;
    private final int revision;
    private final String updated;

    ItemRow(ContentView v) {
      this.slug = v.slug();
      this.type = v.type();
      jakarta.json.JsonValue t = v.fields().get("title");
      this.title =
          t instanceof jakarta.json.JsonObject o
                  && o.get("zh-TW") instanceof jakarta.json.JsonString s
              ? s.getString()
              : t instanceof jakarta.json.JsonString s2 ? s2.getString() : v.slug();
      this.state = v.state();
      this.revision = v.revision();
      this.updated = TIME.format(v.updatedAt());
    }

    public String getSlug() {
      return slug;
    }

    public String getType() {
      return type;
    }

    public String getTitle() {
      return title;
    }

    public String getState() {
      return state;
    }

    public int getRevision() {
      return revision;
    }

    public String getUpdated() {
      return updated;
    }
  }

  @Inject transient CallerFactory callers;
  @Inject transient SiteRepository sites;
  @Inject transient SiteAuthorization authorization;
  @Inject transient AuditLog audit;
  @Inject transient ContentEditing content;

  private String site;
  private String siteName;
  private boolean canManage;
  private String actor;
  private String action;
  private LocalDate from;
  private LocalDate to;
  private List<AuditRow> auditRows = List.of();
  private List<ItemRow> items = List.of();

  /** The view action: who may see this site at all. */
  public void load() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext ext = faces.getExternalContext();
    Caller caller = callers.current().orElseThrow();
    Site found = site == null ? null : sites.findByKey(site).orElse(null);
    if (found == null) {
      ext.responseSendError(404, "No such site");
      faces.responseComplete();
      return;
    }
    if (!authorization.holds(caller, site, CoreModule.CONTENT_EDIT)) {
      ext.responseSendError(403, "You hold no role on this site");
      faces.responseComplete();
      return;
    }
    siteName = found.getNameZh();
    canManage = authorization.holds(caller, site, CoreModule.SITE_MANAGE);
    if (!faces.isPostback()) {
      items = content.items(caller, site, 200).stream().map(ItemRow::new).toList();
    }
    if (canManage && !faces.isPostback()) {
      search();
    }
  }

  /**
   * The audit search (site administrators only; the page hides the form from others, this refuses
   * them).
   */
  public void search() {
    Caller caller = callers.current().orElseThrow();
    auditRows =
        audit
            .search(
                caller,
                new AuditQuery(
                    site,
                    blank(actor),
                    blank(action),
                    null,
                    from == null ? null : from.atStartOfDay(TAIPEI).toInstant(),
                    to == null ? null : to.plusDays(1).atStartOfDay(TAIPEI).toInstant(),
                    1,
                    200))
            .stream()
            .map(AuditRow::new)
            .toList();
  }

  public String getCsvLink() {
    StringBuilder q = new StringBuilder("audit.csv?site=").append(site);
    if (blank(actor) != null) {
      q.append("&actor=")
          .append(java.net.URLEncoder.encode(actor, java.nio.charset.StandardCharsets.UTF_8));
    }
    if (blank(action) != null) {
      q.append("&action=")
          .append(java.net.URLEncoder.encode(action, java.nio.charset.StandardCharsets.UTF_8));
    }
    return q.toString();
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  public String getSite() {
    return site;
  }

  public void setSite(String site) {
    this.site = site;
  }

  public String getSiteName() {
    return siteName;
  }

  public boolean isCanManage() {
    return canManage;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public List<AuditRow> getAuditRows() {
    return auditRows;
  }

  public List<ItemRow> getItems() {
    return items;
  }
}
