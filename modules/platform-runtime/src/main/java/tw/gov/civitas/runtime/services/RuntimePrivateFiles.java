package tw.gov.civitas.runtime.services;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import tw.gov.civitas.core.media.MediaService;
import tw.gov.civitas.spi.runtime.InvalidInputException;
import tw.gov.civitas.spi.runtime.PrivateFiles;

/**
 * The SPI's private file store: a citizen's uploads in their own table, typed by their bytes, never
 * in the public media library and never served by the platform itself.
 */
@ApplicationScoped
public class RuntimePrivateFiles implements PrivateFiles {

  static final long MAX_BYTES = 10L * 1024 * 1024;
  static final Set<String> ALLOWED = Set.of("application/pdf", "image/jpeg", "image/png");
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject RuntimeModuleDatabase database;
  @Inject AdjustableClock clock;

  record File(String id, String owner, String fileName, String mediaType, byte[] content) implements StoredFile {}

  @Override
  @Transactional
  public String store(String moduleId, String owner, String fileName, byte[] content) {
    if (content == null || content.length == 0) {
      throw InvalidInputException.field("file", "is empty");
    }
    if (content.length > MAX_BYTES) {
      throw InvalidInputException.field("file", "is larger than 10 MiB");
    }
    String type = MediaService.detect(content);
    if (!ALLOWED.contains(type)) {
      throw InvalidInputException.field("file", "must be a PDF, JPEG or PNG file (its content is " + type + ")");
    }
    String name = fileName == null ? "file" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").replace("..", "_");
    byte[] idBytes = new byte[16];
    RANDOM.nextBytes(idBytes);
    String id = HexFormat.of().formatHex(idBytes);
    try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
        "insert into private_file (id, module_id, owner, file_name, media_type, size_bytes, sha256, content, created_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, id);
      s.setString(2, moduleId);
      s.setString(3, owner);
      s.setString(4, name.length() > 255 ? name.substring(name.length() - 255) : name);
      s.setString(5, type);
      s.setLong(6, content.length);
      s.setString(7, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
      s.setBytes(8, content);
      s.setTimestamp(9, Timestamp.from(clock.now()));
      s.executeUpdate();
      return id;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store the file", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<StoredFile> read(String moduleId, String id) {
    try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
        "select id, owner, file_name, media_type, content from private_file where module_id = ? and id = ?")) {
      s.setString(1, moduleId);
      s.setString(2, id);
      try (ResultSet r = s.executeQuery()) {
        return r.next()
            ? Optional.of(new File(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getBytes(5)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the file", e);
    }
  }
}
