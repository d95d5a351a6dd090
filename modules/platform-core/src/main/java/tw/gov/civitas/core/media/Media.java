package tw.gov.civitas.core.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;
import tw.gov.civitas.core.tenancy.Site;

/** An uploaded image or document of a site, with its renditions. */
@Entity
@Table(name = "media")
public class Media {
  @Id private String id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "site_id")
  private Site site;

  @Column(nullable = false)
  private String kind;

  @Column(name = "media_type", nullable = false)
  private String mediaType;

  @Column(name = "file_name", nullable = false)
  private String fileName;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Column(nullable = false)
  private String sha256;

  @Column(name = "alt_zh")
  private String altZh;

  @Column(name = "alt_en")
  private String altEn;

  @Column private String title;

  @Column private Integer width;

  @Column private Integer height;

  /** {"thumbnail": {"key", "width", "height", "mediaType"}, …} */
  @Column(nullable = false, columnDefinition = "jsonb")
  @ColumnTransformer(write = "?::jsonb")
  private String renditions = "{}";

  /** 1 for the first upload; each replacement adds one. */
  @Column(nullable = false)
  private int version = 1;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Media() {}

  Media(
      String id,
      Site site,
      String kind,
      String mediaType,
      String fileName,
      long size,
      String sha256,
      String altZh,
      String altEn,
      String title,
      Integer width,
      Integer height,
      String renditions,
      String createdBy,
      Instant createdAt) {
    this.id = id;
    this.site = site;
    this.kind = kind;
    this.mediaType = mediaType;
    this.fileName = fileName;
    this.size = size;
    this.sha256 = sha256;
    this.altZh = altZh;
    this.altEn = altEn;
    this.title = title;
    this.width = width;
    this.height = height;
    this.renditions = renditions;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  public String getId() {
    return id;
  }

  public Site getSite() {
    return site;
  }

  public String getKind() {
    return kind;
  }

  public String getMediaType() {
    return mediaType;
  }

  public String getFileName() {
    return fileName;
  }

  public long getSize() {
    return size;
  }

  public String getSha256() {
    return sha256;
  }

  public String getAltZh() {
    return altZh;
  }

  public String getAltEn() {
    return altEn;
  }

  public String getTitle() {
    return title;
  }

  public Integer getWidth() {
    return width;
  }

  public Integer getHeight() {
    return height;
  }

  public String getRenditions() {
    return renditions;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  /** Storage key of the original bytes. */
  String originalKey() {
    return key("original");
  }

  /** Where a variant's bytes are stored: the first version at the id, later ones beside it. */
  String key(String variant) {
    return key(version, variant);
  }

  String key(int ofVersion, String variant) {
    return site.getKey() + "/" + id + "/" + (ofVersion == 1 ? "" : "v" + ofVersion + "/") + variant;
  }

  public int getVersion() {
    return version;
  }

  /** The public address of a variant; a replaced file's names its version (a new address). */
  public String url(String variant) {
    return url(site.getKey(), id, version, variant);
  }

  public static String url(String siteKey, String id, int version, String variant) {
    return "/media/" + siteKey + "/" + id + "/" + variant + (version == 1 ? "" : "?v=" + version);
  }

  /** The file's new content, as a new version (its keys are the new version's). */
  void replace(
      String mediaType,
      String fileName,
      long size,
      String sha256,
      Integer width,
      Integer height,
      String renditions,
      String altZh,
      String altEn) {
    this.version++;
    this.mediaType = mediaType;
    this.fileName = fileName;
    this.size = size;
    this.sha256 = sha256;
    this.width = width;
    this.height = height;
    this.renditions = renditions;
    if (altZh != null) {
      this.altZh = altZh;
    }
    if (altEn != null) {
      this.altEn = altEn;
    }
  }
}
