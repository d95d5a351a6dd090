package tw.gov.civitas.core.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import tw.gov.civitas.core.tenancy.Site;

/** A URL a site wants told about changes to its public content. */
@Entity
@Table(name = "webhook")
public class Webhook {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "site_id")
  private Site site;

  @Column(nullable = false)
  private String url;

  /** Signs every body (HMAC-SHA256); shown to the administrator once, at registration. */
  @Column(nullable = false)
  private String secret;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "varchar(32)[]")
  private String[] events;

  @Column(nullable = false)
  private boolean active = true;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Webhook() {}

  Webhook(
      Site site,
      String url,
      String secret,
      List<String> events,
      String createdBy,
      Instant createdAt) {
    this.site = site;
    this.url = url;
    this.secret = secret;
    this.events = events.toArray(String[]::new);
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public Site getSite() {
    return site;
  }

  public String getUrl() {
    return url;
  }

  public String getSecret() {
    return secret;
  }

  public List<String> getEvents() {
    return List.of(events);
  }

  public boolean isActive() {
    return active;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
