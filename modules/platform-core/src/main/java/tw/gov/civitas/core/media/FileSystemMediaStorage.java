package tw.gov.civitas.core.media;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * Media on the local file system, under {@code civitas.media.dir} (default: the server's data dir).
 */
@ApplicationScoped
public class FileSystemMediaStorage implements MediaStorage {

  private static final Pattern KEY = Pattern.compile("[a-z0-9-]+(/[a-z0-9.-]+)*");

  private final Path root =
      Path.of(
          System.getProperty(
              "civitas.media.dir",
              System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"))
                  + "/civitas-media"));

  @Override
  public void put(String key, byte[] bytes) throws IOException {
    Path target = resolve(key);
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), ".upload", ".tmp");
    Files.write(tmp, bytes);
    // A reader never sees half a file.
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public InputStream open(String key) throws IOException {
    try {
      return Files.newInputStream(resolve(key));
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(resolve(key));
  }

  private Path resolve(String key) {
    if (!KEY.matcher(key).matches() || key.contains("..")) {
      throw new IllegalArgumentException("not a storage key: " + key);
    }
    Path p = root.resolve(key).normalize();
    if (!p.startsWith(root)) {
      throw new IllegalArgumentException("not a storage key: " + key);
    }
    return p;
  }
}
