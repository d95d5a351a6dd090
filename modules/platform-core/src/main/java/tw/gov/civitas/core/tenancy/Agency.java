package tw.gov.civitas.core.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant: a bureau, commission, office or district office of the city. */
@Entity
@Table(name = "agency")
public class Agency {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String slug;

  @Column(name = "name_zh", nullable = false)
  private String nameZh;

  @Column(name = "name_en", nullable = false)
  private String nameEn;

  @Column(nullable = false)
  private String kind;

  protected Agency() {}

  public Agency(String slug, String nameZh, String nameEn, String kind) {
    this.slug = slug;
    this.nameZh = nameZh;
    this.nameEn = nameEn;
    this.kind = kind;
  }

  public Long getId() {
    return id;
  }

  public String getSlug() {
    return slug;
  }

  public String getNameZh() {
    return nameZh;
  }

  public String getNameEn() {
    return nameEn;
  }

  public String getKind() {
    return kind;
  }
}
