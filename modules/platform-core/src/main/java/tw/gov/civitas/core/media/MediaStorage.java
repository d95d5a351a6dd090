package tw.gov.civitas.core.media;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where media bytes live. The default keeps them on the local file system; a cluster points it at
 * shared storage (an NFS mount, or an object-store implementation of this interface).
 */
public interface MediaStorage {

  /**
   * Stores the bytes under {@code key} (made only of the platform's own ids, never a client's file
   * name).
   */
  void put(String key, byte[] bytes) throws IOException;

  /** The bytes under {@code key}, or null when absent. */
  InputStream open(String key) throws IOException;

  void delete(String key) throws IOException;
}
