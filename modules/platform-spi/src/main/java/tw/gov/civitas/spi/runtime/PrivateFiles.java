package tw.gov.civitas.spi.runtime;

import java.util.Optional;

/**
 * A citizen's uploads (an application's attachments): stored apart from the public media library,
 * never served publicly, checked by content (the bytes must be what the media type says: PDF,
 * JPEG, PNG), and readable only by their owner and by the module's staff through the module's own
 * endpoints.
 */
public interface PrivateFiles {

  /**
   * @return the stored file's id
   * @throws InvalidInputException when the content is not an allowed type or is too large (10 MiB)
   */
  String store(String moduleId, String owner, String fileName, byte[] content);

  Optional<StoredFile> read(String moduleId, String id);

  /** A stored private file. */
  interface StoredFile {
    String id();

    String owner();

    String fileName();

    String mediaType();

    byte[] content();
  }
}
