package tw.gov.civitas.spi.runtime;

import java.util.List;
import java.util.Optional;
import tw.gov.civitas.spi.FieldDescriptor;
import tw.gov.civitas.spi.FileReference;

/**
 * A citizen's uploads (an application's attachments): stored apart from the public media library,
 * never under a public address, checked by content (the bytes must be what the media type says:
 * PDF, JPEG, PNG), and readable only by their owner (the platform serves a citizen their own files
 * at {@code /account/files/<module>/<id>}) and by the module's staff through the module's own
 * endpoints, behind the module's permission.
 *
 * <p>A {@link tw.gov.civitas.spi.FieldKind#FILE file field} of a citizen form needs none of this:
 * the platform stores the upload before the form's handler runs and hands it a {@link
 * FileReference}.
 */
public interface PrivateFiles {

  /**
   * Stores an upload, checked against a file field's rules: its size and, by content, its media
   * type. Joins the caller's transaction, so a submission refused later leaves nothing behind.
   *
   * @param field the rules (a {@link tw.gov.civitas.spi.FieldKind#FILE} field); its name names the
   *     errors
   * @param fileName the name the citizen's browser sent (made safe; its extension follows the
   *     detected type)
   * @throws FileTooLargeException when the content is larger than the field accepts
   * @throws InvalidInputException when the content is empty or not of one of the field's types
   */
  FileReference store(
      String moduleId, String owner, FieldDescriptor field, String fileName, byte[] content);

  /**
   * Stores an upload of any of {@link FieldDescriptor#FILE_MEDIA_TYPES}, at most {@link
   * FieldDescriptor#FILE_MAX_BYTES}; errors name the field {@code file}.
   *
   * @return the stored file's id
   */
  default String store(String moduleId, String owner, String fileName, byte[] content) {
    return store(
            moduleId,
            owner,
            FieldDescriptor.builder("file", tw.gov.civitas.spi.FieldKind.FILE).build(),
            fileName,
            content)
        .id();
  }

  /**
   * One of the module's files, whoever owns it: for the module's staff, behind its own permission
   * check.
   */
  Optional<StoredFile> read(String moduleId, String id);

  /**
   * The module's files that {@code owner} uploaded, newest first (at most 100): the citizen's own
   * list.
   */
  List<FileReference> ownedBy(String moduleId, String owner);

  /** A stored private file. */
  interface StoredFile {
    String id();

    String owner();

    String fileName();

    String mediaType();

    byte[] content();
  }
}
