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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tw.gov.civitas.core.media.MediaService;
import tw.gov.civitas.spi.FieldDescriptor;
import tw.gov.civitas.spi.FieldKind;
import tw.gov.civitas.spi.FileReference;
import tw.gov.civitas.spi.runtime.FileTooLargeException;
import tw.gov.civitas.spi.runtime.InvalidInputException;
import tw.gov.civitas.spi.runtime.PrivateFiles;

/**
 * The SPI's private file store: a citizen's uploads in their own table (the bytes in the row, so a
 * rolled-back submission leaves neither), typed by their bytes with the media library's detection,
 * named with its safe file names, never in the public media library and never served publicly.
 */
@ApplicationScoped
public class RuntimePrivateFiles implements PrivateFiles {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject RuntimeModuleDatabase database;
  @Inject AdjustableClock clock;

  record File(String id, String owner, String fileName, String mediaType, byte[] content)
      implements StoredFile {}

  @Override
  @Transactional
  public FileReference store(
      String moduleId, String owner, FieldDescriptor field, String fileName, byte[] content) {
    String type = check(field, content);
    String name = MediaService.safeFileName(fileName, MediaService.extension(type));
    byte[] idBytes = new byte[16];
    RANDOM.nextBytes(idBytes);
    String id = HexFormat.of().formatHex(idBytes);
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "insert into private_file (id, module_id, owner, file_name, media_type, size_bytes, sha256, content, created_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, id);
      s.setString(2, moduleId);
      s.setString(3, owner);
      s.setString(4, name);
      s.setString(5, type);
      s.setLong(6, content.length);
      s.setString(
          7, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
      s.setBytes(8, content);
      s.setTimestamp(9, Timestamp.from(clock.now()));
      s.executeUpdate();
      return new FileReference(id, name, type, content.length);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store the file", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The detected type of an upload that meets the field's rules; the field's errors otherwise. */
  static String check(FieldDescriptor field, byte[] content) {
    if (field.kind() != FieldKind.FILE) {
      throw new IllegalArgumentException("field " + field.name() + " is not a file field");
    }
    if (content == null || content.length == 0) {
      throw InvalidInputException.field(field.name(), "is empty");
    }
    if (content.length > field.maxBytes()) {
      throw new FileTooLargeException(field.name(), "is larger than " + size(field.maxBytes()));
    }
    String type = MediaService.detect(content);
    if (!field.mediaTypes().contains(type)) {
      throw InvalidInputException.field(
          field.name(),
          "must be " + describe(field.mediaTypes()) + " (its content is " + type + ")");
    }
    return type;
  }

  /** "10 MB", "512 KB": how the messages say a limit. */
  static String size(long bytes) {
    return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
        ? bytes / (1024 * 1024) + " MB"
        : bytes >= 1024 ? (bytes + 1023) / 1024 + " KB" : bytes + " bytes";
  }

  /** "a PDF, JPEG or PNG file" */
  static String describe(List<String> mediaTypes) {
    List<String> names =
        mediaTypes.stream()
            .map(t -> MediaService.extension(t).toUpperCase(Locale.ROOT))
            .map(e -> "JPG".equals(e) ? "JPEG" : e)
            .toList();
    String list =
        names.size() == 1
            ? names.get(0)
            : String.join(", ", names.subList(0, names.size() - 1))
                + " or "
                + names.get(names.size() - 1);
    return "a " + list + " file";
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<StoredFile> read(String moduleId, String id) {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select id, owner, file_name, media_type, content from private_file where module_id = ? and id = ?")) {
      s.setString(1, moduleId);
      s.setString(2, id);
      try (ResultSet r = s.executeQuery()) {
        return r.next()
            ? Optional.of(
                new File(
                    r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getBytes(5)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the file", e);
    }
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<FileReference> ownedBy(String moduleId, String owner) {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select id, file_name, media_type, size_bytes from private_file where module_id = ? and owner = ?"
                    + " order by created_at desc, id limit 100")) {
      s.setString(1, moduleId);
      s.setString(2, owner);
      List<FileReference> files = new java.util.ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          files.add(
              new FileReference(r.getString(1), r.getString(2), r.getString(3), r.getLong(4)));
        }
      }
      return files;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not list the files", e);
    }
  }
}
