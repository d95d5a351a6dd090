package tw.gov.civitas.core.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails;
import org.apache.tika.Tika;
import tw.gov.civitas.core.audit.AuditLog;
import tw.gov.civitas.core.error.ConflictException;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.error.FieldError;
import tw.gov.civitas.core.error.NotFoundException;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.security.SiteAuthorization;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;

/**
 * Uploads: the type is detected from the bytes (Apache Tika), never taken from the name or the
 * client's Content-Type; images need alt text and get renditions (Thumbnailator); PDF and ODF
 * documents, which Taiwan's agencies must offer, are kept with their metadata.
 */
@ApplicationScoped
public class MediaService {

  /** Fired after a media file's removal commits: pages that showed it are stale. */
  public record MediaChanged(String siteKey, String mediaId) {}

  @Inject jakarta.enterprise.event.Event<MediaChanged> changed;

  public static final long MAX_BYTES = Long.getLong("civitas.media.max-bytes", 20L * 1024 * 1024);
  private static final long MAX_PIXELS = 40_000_000L;

  static final Map<String, String> IMAGES =
      Map.of("image/jpeg", "jpg", "image/png", "png", "image/gif", "gif", "image/webp", "webp");
  static final Map<String, String> DOCUMENTS =
      Map.of(
          "application/pdf", "pdf",
          "application/vnd.oasis.opendocument.text", "odt",
          "application/vnd.oasis.opendocument.spreadsheet", "ods",
          "application/vnd.oasis.opendocument.presentation", "odp");

  /** Renditions by name and longest width; an image is never scaled up. */
  static final Map<String, Integer> RENDITIONS = orderedRenditions();

  private static final Tika TIKA = new Tika();

  @PersistenceContext(unitName = "civitas")
  EntityManager em;

  @jakarta.annotation.Resource jakarta.transaction.TransactionSynchronizationRegistry transactions;

  @Inject SiteRepository sites;
  @Inject SiteAuthorization authorization;
  @Inject AuditLog audit;
  @Inject MediaStorage storage;

  private static Map<String, Integer> orderedRenditions() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("thumbnail", 320);
    m.put("medium", 800);
    m.put("large", 1600);
    return m;
  }

  /** What the bytes are, by their content only. */
  public static String detect(byte[] bytes) {
    return TIKA.detect(bytes);
  }

  @Transactional
  public MediaView upload(Caller caller, String siteKey, MediaUpload upload) {
    return upload(caller, siteKey, CoreModule.CONTENT_EDIT, upload);
  }

  /**
   * An upload under another permission than the content editor's: a plug-in's, for its own pages'
   * media.
   */
  @Transactional
  public MediaView upload(Caller caller, String siteKey, String permission, MediaUpload upload) {
    Site site = site(siteKey);
    authorization.require(caller, siteKey, permission);
    String type = acceptedType(upload.bytes());
    String kind = IMAGES.containsKey(type) ? "image" : "document";
    List<FieldError> errors = new ArrayList<>();
    String altZh = trimmed(upload.altZh());
    String altEn = trimmed(upload.altEn());
    if ("image".equals(kind) && altZh == null) {
      errors.add(
          new FieldError(
              "alt", "is required for images: describe the picture for people who cannot see it"));
    }
    check(errors, "alt", altZh, 500);
    check(errors, "altEn", altEn, 500);
    check(errors, "title", trimmed(upload.title()), 300);
    if (!errors.isEmpty()) {
      throw new ContentValidationException(errors);
    }

    String id = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    String extension = extension(type);
    String fileName = safeFileName(upload.fileName(), extension);
    Stored stored = store(siteKey + "/" + id + "/", type, kind, upload.bytes());
    Media media =
        new Media(
            id,
            site,
            kind,
            type,
            fileName,
            upload.bytes().length,
            sha256(upload.bytes()),
            altZh,
            altEn,
            trimmed(upload.title()),
            stored.width(),
            stored.height(),
            stored.renditions(),
            caller.username(),
            Instant.now());
    em.persist(media);
    MediaView view = view(media);
    audit.record(
        caller,
        siteKey,
        "media.upload",
        "media",
        id,
        null,
        Json.createObjectBuilder()
            .add("fileName", fileName)
            .add("mediaType", type)
            .add("size", upload.bytes().length)
            .build()
            .toString());
    return view;
  }

  /** The type of a file the library takes, by its content; refuses any other. */
  private static String acceptedType(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw new PayloadTooLargeException(
          "Files may be at most " + MAX_BYTES / (1024 * 1024) + " MB");
    }
    if (bytes.length == 0) {
      throw new ContentValidationException(List.of(new FieldError("file", "is empty")));
    }
    String type = detect(bytes);
    if (!IMAGES.containsKey(type) && !DOCUMENTS.containsKey(type)) {
      throw new UnsupportedContentException(
          "The file's content is "
              + type
              + "; accepted are JPEG, PNG, GIF and WebP images, and PDF and ODF (odt, ods, odp) documents");
    }
    return type;
  }

  /**
   * Replaces a file's content, keeping its id: every item that names it shows the new file, at new
   * addresses (the version is in them, so no browser keeps the old one). An image stays an image
   * and a document a document; the alternative texts stay unless new ones are given. The old
   * version's bytes go once the change is committed; if it is not, the new ones go.
   */
  @Transactional
  public MediaView replace(Caller caller, String siteKey, String id, MediaUpload upload) {
    site(siteKey);
    authorization.require(caller, siteKey, CoreModule.CONTENT_EDIT);
    Media media =
        em.createQuery(
                "select m from Media m join fetch m.site where m.site.key = :site and m.id = :id",
                Media.class)
            .setParameter("site", siteKey)
            .setParameter("id", id)
            .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () -> new NotFoundException("No media '" + id + "' on site '" + siteKey + "'"));
    String type = acceptedType(upload.bytes());
    String kind = IMAGES.containsKey(type) ? "image" : "document";
    List<FieldError> errors = new ArrayList<>();
    if (!kind.equals(media.getKind())) {
      errors.add(
          new FieldError(
              "file",
              "must be a " + media.getKind() + " like the file it replaces (items use it as one)"));
    }
    check(errors, "alt", trimmed(upload.altZh()), 500);
    check(errors, "altEn", trimmed(upload.altEn()), 500);
    if (!errors.isEmpty()) {
      throw new ContentValidationException(errors);
    }
    List<String> old = new ArrayList<>();
    old.add(media.originalKey());
    parse(media.getRenditions()).keySet().forEach(r -> old.add(media.key(r)));
    String before =
        Json.createObjectBuilder()
            .add("fileName", media.getFileName())
            .add("sha256", media.getSha256())
            .add("version", media.getVersion())
            .build()
            .toString();
    Stored stored = store(media.key(media.getVersion() + 1, ""), type, kind, upload.bytes());
    transactions.registerInterposedSynchronization(
        new jakarta.transaction.Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            deleteQuietly(
                status == jakarta.transaction.Status.STATUS_COMMITTED ? old : stored.keys());
          }
        });
    media.replace(
        type,
        safeFileName(upload.fileName(), extension(type)),
        upload.bytes().length,
        sha256(upload.bytes()),
        stored.width(),
        stored.height(),
        stored.renditions(),
        trimmed(upload.altZh()),
        trimmed(upload.altEn()));
    audit.record(
        caller,
        siteKey,
        "media.replace",
        "media",
        id,
        before,
        Json.createObjectBuilder()
            .add("fileName", media.getFileName())
            .add("sha256", media.getSha256())
            .add("version", media.getVersion())
            .build()
            .toString());
    changed.fire(new MediaChanged(siteKey, id));
    return view(media);
  }

  /** What storing a file wrote: its image size, its renditions and the keys written. */
  private record Stored(Integer width, Integer height, String renditions, List<String> keys) {}

  /**
   * Writes a file's original and its renditions under {@code base}; on failure nothing it wrote
   * stays.
   */
  private Stored store(String base, String type, String kind, byte[] content) {
    Integer width = null;
    Integer height = null;
    JsonObjectBuilder renditions = Json.createObjectBuilder();
    List<String> stored = new ArrayList<>();
    try {
      if ("image".equals(kind) && !"image/webp".equals(type)) {
        BufferedImage image = readImage(content);
        width = image.getWidth();
        height = image.getHeight();
        String format = "image/png".equals(type) || "image/gif".equals(type) ? "png" : "jpg";
        for (Map.Entry<String, Integer> r : RENDITIONS.entrySet()) {
          if (image.getWidth() <= r.getValue()) {
            continue; // the original is small enough
          }
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          Thumbnails.of(image)
              .width(r.getValue())
              .outputFormat(format)
              .outputQuality(0.85)
              .toOutputStream(out);
          byte[] bytes = out.toByteArray();
          BufferedImage scaled = ImageIO.read(new ByteArrayInputStream(bytes));
          storage.put(base + r.getKey(), bytes);
          stored.add(base + r.getKey());
          renditions.add(
              r.getKey(),
              Json.createObjectBuilder()
                  .add("width", scaled.getWidth())
                  .add("height", scaled.getHeight())
                  .add("mediaType", "png".equals(format) ? "image/png" : "image/jpeg")
                  .add("size", bytes.length));
        }
      }
      storage.put(base + "original", content);
      stored.add(base + "original");
    } catch (IOException e) {
      deleteQuietly(stored);
      throw new UncheckedIOException("could not store the upload", e);
    } catch (RuntimeException e) {
      deleteQuietly(stored); // nothing half-written
      throw e;
    }
    return new Stored(width, height, renditions.build().toString(), stored);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<MediaView> list(Caller caller, String siteKey, int max) {
    site(siteKey);
    authorization.require(caller, siteKey, CoreModule.CONTENT_EDIT);
    return em.createQuery(
            "select m from Media m join fetch m.site where m.site.key = :site order by m.createdAt desc",
            Media.class)
        .setParameter("site", siteKey)
        .setMaxResults(max)
        .getResultStream()
        .map(MediaService::view)
        .toList();
  }

  /**
   * Where each of these media stands: the site's items whose current revision or public version
   * names it (a draft counts: deleting the file would break it), by media id, slugs sorted.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  @SuppressWarnings("unchecked")
  public Map<String, List<String>> usage(Caller caller, String siteKey, Collection<String> ids) {
    Site site = site(siteKey);
    authorization.require(caller, siteKey, CoreModule.CONTENT_EDIT);
    Map<String, List<String>> used = new java.util.TreeMap<>();
    if (ids.isEmpty()) {
      return used;
    }
    // one pass over the site's items: each id is matched in the text of the two field sets
    List<Object[]> rows =
        em.createNativeQuery(
                "select m.id, i.slug from content_item i"
                    + " join content_revision r on r.item_id = i.id and r.number = i.current_revision"
                    + " join media m on m.site_id = i.site_id and m.id in (:ids)"
                    + " where i.site_id = :site and (strpos(r.fields::text, m.id) > 0"
                    + " or strpos(coalesce(i.published_fields::text, ''), m.id) > 0)"
                    + " order by m.id, i.slug")
            .setParameter("site", site.getId())
            .setParameter("ids", List.copyOf(ids))
            .getResultList();
    for (Object[] row : rows) {
      used.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]);
    }
    return used;
  }

  @Transactional
  public void delete(Caller caller, String siteKey, String id) {
    authorization.require(caller, siteKey, CoreModule.CONTENT_EDIT);
    Media media =
        find(siteKey, id)
            .orElseThrow(
                () -> new NotFoundException("No media '" + id + "' on site '" + siteKey + "'"));
    List<String> usedBy = publishedUsers(siteKey, id);
    if (!usedBy.isEmpty()) {
      throw new ConflictException(
          "Media '"
              + id
              + "' is used by published content: "
              + String.join(", ", usedBy)
              + ". Remove it from these items (or unpublish them) first.");
    }
    List<String> keys = new ArrayList<>();
    keys.add(media.originalKey());
    parse(media.getRenditions()).keySet().forEach(r -> keys.add(media.key(r)));
    em.remove(media);
    audit.record(
        caller,
        siteKey,
        "media.delete",
        "media",
        id,
        Json.createObjectBuilder().add("fileName", media.getFileName()).build().toString(),
        null);
    changed.fire(new MediaChanged(siteKey, id));
    deleteQuietly(keys);
  }

  /**
   * Slugs of the site's published items whose fields name this media: as a media field's value or
   * in rich text. Ids are random ("m" + 20 hex digits), so a text match cannot hit anything else.
   */
  @SuppressWarnings("unchecked")
  List<String> publishedUsers(String siteKey, String id) {
    return em.createNativeQuery(
            "select i.slug from content_item i join site s on s.id = i.site_id"
                + " where s.site_key = ?1 and i.published_revision is not null and i.published_fields::text like ?2"
                + " order by i.slug")
        .setParameter(1, siteKey)
        .setParameter(2, "%" + id + "%")
        .setMaxResults(20)
        .getResultList();
  }

  /**
   * For public delivery: the media and the bytes of one variant ({@code original} or a rendition
   * name).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Media> find(String siteKey, String id) {
    return em.createQuery(
            "select m from Media m join fetch m.site where m.site.key = :site and m.id = :id",
            Media.class)
        .setParameter("site", siteKey)
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  /** The bytes of {@code variant}; a rendition an image did not need falls back to the original. */
  public InputStream open(Media media, String variant) throws IOException {
    if (!"original".equals(variant) && parse(media.getRenditions()).containsKey(variant)) {
      return storage.open(media.key(variant));
    }
    return storage.open(media.originalKey());
  }

  public static String variantType(Media media, String variant) {
    JsonObject r = parse(media.getRenditions());
    return r.containsKey(variant)
        ? r.getJsonObject(variant).getString("mediaType")
        : media.getMediaType();
  }

  /**
   * Whether a media id exists on the site (and is of that kind, when given): for content
   * references.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean exists(String siteKey, String id, String kind) {
    return find(siteKey, id).filter(m -> kind == null || kind.equals(m.getKind())).isPresent();
  }

  private static BufferedImage readImage(byte[] bytes) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new UnsupportedContentException("The image cannot be decoded");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        // Check the size before decoding: a tiny file can declare a gigantic image.
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > MAX_PIXELS) {
          throw new ContentValidationException(
              List.of(
                  new FieldError(
                      "file",
                      "images may have at most " + MAX_PIXELS / 1_000_000 + " megapixels")));
        }
        return reader.read(0);
      } catch (IOException e) {
        throw new UnsupportedContentException("The image is damaged and cannot be decoded");
      } finally {
        reader.dispose();
      }
    }
  }

  static MediaView view(Media m) {
    return new MediaView(
        m.getId(),
        m.getSite().getKey(),
        m.getKind(),
        m.getMediaType(),
        m.getFileName(),
        m.getSize(),
        m.getAltZh(),
        m.getAltEn(),
        m.getTitle(),
        m.getWidth(),
        m.getHeight(),
        parse(m.getRenditions()),
        m.getCreatedBy(),
        m.getCreatedAt(),
        m.getVersion());
  }

  static JsonObject parse(String json) {
    try (JsonReader r = Json.createReader(new StringReader(json))) {
      return r.readObject();
    }
  }

  /** The file name extension of a type this library recognizes ({@code pdf}), or null. */
  public static String extension(String mediaType) {
    return IMAGES.containsKey(mediaType) ? IMAGES.get(mediaType) : DOCUMENTS.get(mediaType);
  }

  /**
   * A name safe to show and to offer for download: no folders, no control or shell characters; the
   * extension is {@code extension}, the detected type's (also for citizens' private files).
   */
  public static String safeFileName(String name, String extension) {
    String base = name == null ? "" : name.replace('\\', '/');
    base =
        base.substring(base.lastIndexOf('/') + 1)
            .replaceAll("[\\p{Cntrl}\"<>:|?*;%]", "")
            .replaceAll("\\.{2,}", ".")
            .strip();
    if (base.startsWith(".")) {
      base = base.replaceFirst("^\\.+", "");
    }
    int dot = base.lastIndexOf('.');
    String stem = dot > 0 ? base.substring(0, dot) : base;
    if (stem.isBlank()) {
      stem = "file";
    }
    if (stem.length() > 200) {
      stem = stem.substring(0, 200);
    }
    return stem + "." + extension; // the extension follows the detected type, not the claim
  }

  private void deleteQuietly(List<String> keys) {
    for (String k : keys) {
      try {
        storage.delete(k);
      } catch (IOException | RuntimeException ignored) {
        // best effort: an orphaned file is harmless, a half-written record is not
      }
    }
  }

  private static String trimmed(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static void check(List<FieldError> errors, String field, String value, int max) {
    if (value != null && value.length() > max) {
      errors.add(new FieldError(field, "must be at most " + max + " characters"));
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Site site(String siteKey) {
    return sites.require(siteKey);
  }
}
