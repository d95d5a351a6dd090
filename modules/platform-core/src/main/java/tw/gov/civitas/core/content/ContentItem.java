package tw.gov.civitas.core.content;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import tw.gov.civitas.core.tenancy.Site;

/**
 * A piece of a site's content (a page, a news item…). Its field values live in immutable {@link
 * Revision}s; the item records which revision is current and which one is published.
 */
@Entity
@Table(name = "content_item")
public class ContentItem {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "site_id")
  private Site site;

  @Column(name = "type_id", nullable = false)
  private String typeId;

  @Column(nullable = false)
  private String slug;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private WorkflowState state = WorkflowState.DRAFT;

  @Column(name = "current_revision", nullable = false)
  private int currentRevision;

  @Column(name = "published_revision")
  private Integer publishedRevision;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Column(name = "created_by")
  private String createdBy;

  /** The published revision's fields, copied at publish time for lists and search. */
  @Column(name = "published_fields", columnDefinition = "jsonb")
  @ColumnTransformer(write = "?::jsonb")
  private String publishedFields;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "tags", columnDefinition = "varchar(100)[]")
  private String[] tags = new String[0];

  @Column(name = "publish_at")
  private Instant publishAt;

  @Column(name = "unpublish_at")
  private Instant unpublishAt;

  /**
   * The revision that {@code publishAt} makes public: the one a publisher approved by scheduling
   * it.
   */
  @Column(name = "scheduled_revision")
  private Integer scheduledRevision;

  /** Set when a scheduled move failed: the scheduler leaves the item alone until then. */
  @Column(name = "schedule_retry_at")
  private Instant scheduleRetryAt;

  @Version private long version;

  protected ContentItem() {}

  public ContentItem(Site site, String typeId, String slug, String createdBy, Instant now) {
    this.site = site;
    this.createdBy = createdBy;
    this.typeId = typeId;
    this.slug = slug;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public Site getSite() {
    return site;
  }

  public String getTypeId() {
    return typeId;
  }

  public String getSlug() {
    return slug;
  }

  public WorkflowState getState() {
    return state;
  }

  public int getCurrentRevision() {
    return currentRevision;
  }

  public Integer getPublishedRevision() {
    return publishedRevision;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }

  public long getVersion() {
    return version;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public String getPublishedFields() {
    return publishedFields;
  }

  public java.util.List<String> getTags() {
    return java.util.List.of(tags);
  }

  public Instant getPublishAt() {
    return publishAt;
  }

  public Instant getUnpublishAt() {
    return unpublishAt;
  }

  public Integer getScheduledRevision() {
    return scheduledRevision;
  }

  public Instant getScheduleRetryAt() {
    return scheduleRetryAt;
  }

  void tag(java.util.Collection<String> newTags) {
    this.tags = newTags.stream().distinct().sorted().toArray(String[]::new);
  }

  /**
   * @param approvedRevision what {@code publishAt} will publish (ignored without a publishAt)
   */
  void schedule(Instant publishAt, Integer approvedRevision, Instant unpublishAt) {
    this.publishAt = publishAt;
    this.scheduledRevision = publishAt == null ? null : approvedRevision;
    this.unpublishAt = unpublishAt;
    this.scheduleRetryAt = null;
  }

  void scheduleFailed(Instant retryAt) {
    this.scheduleRetryAt = retryAt;
  }

  void revised(int revision, Instant now) {
    this.currentRevision = revision;
    this.updatedAt = now;
  }

  /**
   * @param revision the revision whose fields become public when {@code next} is PUBLISHED
   */
  void moveTo(WorkflowState next, Revision revision, Instant now) {
    if (next == WorkflowState.PUBLISHED) {
      if (publishedRevision == null) {
        this.publishedAt = now; // first publication date; a re-publish keeps it
      }
      this.publishedRevision = revision.getNumber();
      this.publishedFields = revision.getFields();
      this.publishAt = null;
      this.scheduledRevision = null;
      this.scheduleRetryAt = null;
    } else if (state == WorkflowState.PUBLISHED) {
      this.publishedRevision = null;
      this.publishedFields = null;
      this.unpublishAt = null;
      this.scheduleRetryAt = null;
    }
    this.state = next;
    this.updatedAt = now;
  }
}
