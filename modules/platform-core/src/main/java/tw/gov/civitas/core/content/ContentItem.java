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
import tw.gov.civitas.core.tenancy.Site;

/**
 * A piece of a site's content (a page, a news item…). Its field values live in immutable
 * {@link Revision}s; the item records which revision is current and which one is published.
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

  @Version
  private long version;

  protected ContentItem() {}

  public ContentItem(Site site, String typeId, String slug, Instant now) {
    this.site = site;
    this.typeId = typeId;
    this.slug = slug;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public Long getId() { return id; }
  public Site getSite() { return site; }
  public String getTypeId() { return typeId; }
  public String getSlug() { return slug; }
  public WorkflowState getState() { return state; }
  public int getCurrentRevision() { return currentRevision; }
  public Integer getPublishedRevision() { return publishedRevision; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getUpdatedAt() { return updatedAt; }
  public Instant getPublishedAt() { return publishedAt; }
  public long getVersion() { return version; }

  void revised(int revision, Instant now) {
    this.currentRevision = revision;
    this.updatedAt = now;
  }

  void moveTo(WorkflowState next, Instant now) {
    if (next == WorkflowState.PUBLISHED) {
      this.publishedRevision = currentRevision;
      this.publishedAt = now;
    } else if (state == WorkflowState.PUBLISHED) {
      this.publishedRevision = null;
    }
    this.state = next;
    this.updatedAt = now;
  }
}
