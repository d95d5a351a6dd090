package tw.gov.civitas.editor;

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
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.security.SiteAuthorization;
import tw.gov.civitas.core.tenancy.Site;
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

  /** A content type a new item can be of. */
  public record TypeChoice(String type, String name) implements Serializable {
    public String getType() {
      return type;
    }

    public String getName() {
      return name;
    }
  }

  /** What a bulk step did to one item. */
  public record BulkResult(String slug, boolean done, String message) implements Serializable {
    public String getSlug() {
      return slug;
    }

    public boolean isDone() {
      return done;
    }

    public String getMessage() {
      return message;
    }
  }

  static final int PAGE_SIZE = 20;

  @Inject transient CallerFactory callers;
  @Inject transient SiteAdmission admission;
  @Inject transient SiteAuthorization authorization;
  @Inject transient AuditLog audit;
  @Inject transient ContentEditing content;
  @Inject transient tw.gov.civitas.core.content.BulkTransitions bulk;
  @Inject transient tw.gov.civitas.core.module.Platform platform;
  @Inject transient EditorLanguage lang;

  private String site;
  private String siteName;
  private boolean canManage;
  private String actor;
  private String action;
  private LocalDate from;
  private LocalDate to;
  private List<AuditRow> auditRows = List.of();
  private List<ItemRow> items = List.of();
  private List<TypeChoice> types = List.of();
  private List<BulkResult> bulkResults = List.of();
  private long total;
  // the list's criteria (GET parameters: the list works, and can be bookmarked, without JavaScript)
  private String q;
  private String type;
  private String state;
  private String language;
  private String author;
  private String sort;
  private int page = 1;
  private String listError;

  /** The view action: who may see this site at all. */
  public void load() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    Caller caller = callers.current().orElseThrow();
    Site found = admission.admit(site, CoreModule.CONTENT_EDIT).orElse(null);
    if (found == null) {
      return;
    }
    siteName = lang.pick(found.getNameZh(), found.getNameEn());
    canManage = authorization.holds(caller, site, CoreModule.SITE_MANAGE);
    if (!faces.isPostback()) {
      types =
          content.types(caller, site).stream()
              .map(t -> new TypeChoice(t.shortName(), lang.pick(t.nameZh(), t.nameEn())))
              .toList();
      list(caller);
    }
    if (canManage && !faces.isPostback()) {
      search();
    }
  }

  private void list(Caller caller) {
    listError = null;
    try {
      tw.gov.civitas.core.content.ManagedItemPage found =
          content.list(
              caller,
              site,
              new tw.gov.civitas.core.content.ItemFilter(
                  type,
                  state,
                  language,
                  author,
                  q,
                  null,
                  null,
                  null,
                  sort,
                  Math.max(page, 1),
                  PAGE_SIZE));
      total = found.total();
      items =
          found.items().stream()
              .map(m -> new ItemRow(m, platform.registry(), lang.getLocale()))
              .toList();
    } catch (tw.gov.civitas.core.error.ContentValidationException e) {
      // criteria typed into the address: say so, show nothing
      listError = lang.text("list.bad-criteria");
      items = List.of();
      total = 0;
    }
  }

  /**
   * One step on the items ticked in the list: each is moved or refused on its own, and the page
   * says which.
   */
  public void bulk(String action) {
    Caller caller = callers.current().orElseThrow();
    String[] picked =
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestParameterValuesMap()
            .get("pick");
    if (picked == null || picked.length == 0) {
      bulkResults = List.of(new BulkResult("", false, lang.text("bulk.none")));
      return;
    }
    try {
      bulkResults =
          bulk.transition(caller, site, java.util.Arrays.asList(picked), action, null).stream()
              .map(
                  o ->
                      new BulkResult(
                          o.slug(),
                          o.done(),
                          o.done()
                              ? lang.text("bulk.done." + action)
                              : lang.text("bulk.failed." + o.status())))
              .toList();
    } catch (tw.gov.civitas.core.error.ContentValidationException e) {
      // more items than one page holds: nothing moved
      bulkResults = List.of(new BulkResult("", false, lang.text("bulk.too-many")));
    }
    list(caller);
  }

  /** The list page {@code n} with the same criteria. */
  public String pageHref(int n) {
    StringBuilder b = new StringBuilder("site.xhtml?site=").append(site);
    param(b, "q", q);
    param(b, "type", type);
    param(b, "state", state);
    param(b, "language", language);
    param(b, "author", author);
    param(b, "sort", sort);
    return b.append("&page=").append(n).toString();
  }

  private static void param(StringBuilder b, String name, String value) {
    if (value != null && !value.isBlank()) {
      b.append('&')
          .append(name)
          .append('=')
          .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  public int getPages() {
    return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
  }

  public boolean isSelectedType(String t) {
    return t.equals(type);
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
                    Inputs.typed(actor),
                    Inputs.typed(action),
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
    if (Inputs.typed(actor) != null) {
      q.append("&actor=")
          .append(java.net.URLEncoder.encode(actor, java.nio.charset.StandardCharsets.UTF_8));
    }
    if (Inputs.typed(action) != null) {
      q.append("&action=")
          .append(java.net.URLEncoder.encode(action, java.nio.charset.StandardCharsets.UTF_8));
    }
    return q.toString();
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

  public List<TypeChoice> getTypes() {
    return types;
  }

  public List<BulkResult> getBulkResults() {
    return bulkResults;
  }

  public long getTotal() {
    return total;
  }

  public String getListError() {
    return listError;
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }

  public String getAuthor() {
    return author;
  }

  public void setAuthor(String author) {
    this.author = author;
  }

  public String getSort() {
    return sort;
  }

  public void setSort(String sort) {
    this.sort = sort;
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = page;
  }
}
