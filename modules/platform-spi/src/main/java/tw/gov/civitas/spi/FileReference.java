package tw.gov.civitas.spi;

import java.io.Serializable;
import java.util.Objects;

/**
 * A citizen's stored upload as a module sees it: never its bytes. Keep the {@link #id} with your
 * own record (an application's attachment) and read the file back through {@link
 * tw.gov.civitas.spi.runtime.PrivateFiles#read} in an operation that checks your permission.
 *
 * @param id the private file's id (random, 32 hexadecimal digits)
 * @param fileName the name the citizen gave it, made safe (no folders, no control characters) and
 *     ending in the extension of its detected type
 * @param mediaType the type its content was recognized as, e.g. {@code application/pdf}
 * @param size its size in bytes
 */
public record FileReference(String id, String fileName, String mediaType, long size)
    implements Serializable {

  public FileReference {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(mediaType, "mediaType");
  }
}
