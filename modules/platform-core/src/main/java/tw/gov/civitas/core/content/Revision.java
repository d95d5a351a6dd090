package tw.gov.civitas.core.content;

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
import org.hibernate.annotations.Immutable;

/** One saved state of an item's fields: never changed once written. */
@Entity
@Immutable
@Table(name = "content_revision")
public class Revision {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "item_id")
  private ContentItem item;

  @Column(nullable = false)
  private int number;

  /**
   * The validated field values as a JSON object; translatable fields hold {@code {"zh-TW": …, "en":
   * …}}.
   */
  @Column(nullable = false, columnDefinition = "jsonb")
  @ColumnTransformer(write = "?::jsonb")
  private String fields;

  @Column(nullable = false)
  private String author;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column private String comment;

  protected Revision() {}

  public Revision(
      ContentItem item,
      int number,
      String fields,
      String author,
      Instant createdAt,
      String comment) {
    this.item = item;
    this.number = number;
    this.fields = fields;
    this.author = author;
    this.createdAt = createdAt;
    this.comment = comment;
  }

  public Long getId() {
    return id;
  }

  public ContentItem getItem() {
    return item;
  }

  public int getNumber() {
    return number;
  }

  public String getFields() {
    return fields;
  }

  public String getAuthor() {
    return author;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getComment() {
    return comment;
  }
}
