package tw.gov.civitas.core.menu;

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
import org.hibernate.annotations.ColumnTransformer;
import tw.gov.civitas.core.tenancy.Site;

/**
 * A site's menu or page tree (main, footer…): ordered, nested entries stored as one JSON document.
 */
@Entity
@Table(name = "menu")
public class Menu {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "site_id")
  private Site site;

  @Column(name = "menu_key", nullable = false)
  private String key;

  @Column(nullable = false, columnDefinition = "jsonb")
  @ColumnTransformer(write = "?::jsonb")
  private String entries;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  protected Menu() {}

  Menu(Site site, String key) {
    this.site = site;
    this.key = key;
  }

  public Site getSite() {
    return site;
  }

  public String getKey() {
    return key;
  }

  public String getEntries() {
    return entries;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }

  void replace(String entries, String by, Instant now) {
    this.entries = entries;
    this.updatedBy = by;
    this.updatedAt = now;
  }
}
