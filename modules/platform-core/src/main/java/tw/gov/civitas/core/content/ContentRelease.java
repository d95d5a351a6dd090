package tw.gov.civitas.core.content;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyJoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tw.gov.civitas.core.tenancy.Site;

/**
 * A set of a site's items published together at one time (e.g. a holiday's announcements at
 * midnight).
 */
@Entity
@Table(name = "content_release")
public class ContentRelease {

  public enum State {
    SCHEDULED,
    RELEASED,
    FAILED,
    CANCELLED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "site_id")
  private Site site;

  @Column(nullable = false)
  private String name;

  @Column(name = "release_at", nullable = false)
  private Instant releaseAt;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(nullable = false)
  private State state = State.SCHEDULED;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "released_at")
  private Instant releasedAt;

  /**
   * Each item with the revision the release publishes: the one current when a publisher scheduled
   * it.
   */
  @ElementCollection
  @CollectionTable(name = "content_release_item", joinColumns = @JoinColumn(name = "release_id"))
  @MapKeyJoinColumn(name = "item_id")
  @Column(name = "revision", nullable = false)
  private Map<ContentItem, Integer> items = new LinkedHashMap<>();

  protected ContentRelease() {}

  ContentRelease(Site site, String name, Instant releaseAt, String createdBy, Instant now) {
    this.site = site;
    this.name = name;
    this.releaseAt = releaseAt;
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  public Long getId() {
    return id;
  }

  public Site getSite() {
    return site;
  }

  public String getName() {
    return name;
  }

  public Instant getReleaseAt() {
    return releaseAt;
  }

  public State getState() {
    return state;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getReleasedAt() {
    return releasedAt;
  }

  public Set<ContentItem> getItems() {
    return Collections.unmodifiableSet(items.keySet());
  }

  /** The revision the release publishes of each of its items. */
  public Map<ContentItem, Integer> getApprovedRevisions() {
    return Collections.unmodifiableMap(items);
  }

  void add(ContentItem item, int approvedRevision) {
    items.put(item, approvedRevision);
  }

  void finish(State outcome, Instant now) {
    this.state = outcome;
    this.releasedAt = now;
  }
}
