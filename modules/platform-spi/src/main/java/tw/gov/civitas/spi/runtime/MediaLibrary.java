package tw.gov.civitas.spi.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * A site's public media library (a venue's photos, a form's printable leaflet), the same one the
 * editor and the management API fill: files checked by their content (JPEG, PNG, GIF, WebP images,
 * with alternative text; PDF and ODF documents), images scaled to renditions, served publicly at
 * {@link MediaItem#url()}. A citizen's uploads never go here: they are {@link PrivateFiles}.
 */
public interface MediaLibrary {

  /**
   * Stores a file in the site's library on behalf of the current user, who must hold {@code
   * permission} on the site (a permission the module declares, e.g. {@code booking.venue.manage});
   * audited as {@code media.upload}. Call it inside the module's write, after its own checks.
   *
   * @throws AccessDeniedException if the current user does not hold the permission on the site
   * @throws InvalidInputException naming {@code file} (empty, too large, not an accepted type by
   *     its content) or {@code alt} (an image needs its zh-TW alternative text)
   * @throws NotFoundException if there is no such site
   */
  MediaItem upload(String siteKey, String permission, Upload upload);

  /** A file of the site's library, for public pages; empty if there is none with this id. */
  Optional<MediaItem> find(String siteKey, String id);

  /**
   * What to store: built with {@link #of}, then {@link #alt}; new attributes come as new methods.
   */
  final class Upload {
    private final String fileName;
    private final byte[] content;
    private String altZh;
    private String altEn;

    private Upload(String fileName, byte[] content) {
      this.fileName = Objects.requireNonNull(fileName, "fileName");
      this.content = Objects.requireNonNull(content, "content");
    }

    /**
     * @param fileName as the uploader named it; only a hint, the content decides the type
     */
    public static Upload of(String fileName, byte[] content) {
      return new Upload(fileName, content);
    }

    /** The image's alternative text: required in zh-TW for images, English optional. */
    public Upload alt(String zh, String en) {
      this.altZh = zh;
      this.altEn = en;
      return this;
    }

    public String fileName() {
      return fileName;
    }

    public byte[] content() {
      return content;
    }

    public String altZh() {
      return altZh;
    }

    public String altEn() {
      return altEn;
    }
  }

  /** A stored file of a site's library. */
  interface MediaItem {
    String id();

    String siteKey();

    /** {@code image} or {@code document}. */
    String kind();

    /** As detected from the content, e.g. {@code image/png}. */
    String mediaType();

    String fileName();

    long size();

    /** The zh-TW alternative text of an image; null for documents. */
    String altZh();

    /** Its public address, relative to the platform: {@code /media/<site>/<id>/original}. */
    String url();
  }
}
