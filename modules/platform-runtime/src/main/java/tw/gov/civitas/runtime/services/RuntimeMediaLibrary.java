package tw.gov.civitas.runtime.services;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.error.FieldError;
import tw.gov.civitas.core.media.MediaService;
import tw.gov.civitas.core.media.MediaUpload;
import tw.gov.civitas.core.media.MediaView;
import tw.gov.civitas.core.media.PayloadTooLargeException;
import tw.gov.civitas.core.media.UnsupportedContentException;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.tenancy.SiteRepository;
import tw.gov.civitas.spi.runtime.AccessDeniedException;
import tw.gov.civitas.spi.runtime.InvalidInputException;
import tw.gov.civitas.spi.runtime.MediaLibrary;
import tw.gov.civitas.spi.runtime.NotFoundException;

/**
 * The SPI's media library: the core's {@link MediaService} (the same checks, renditions and audit
 * as the editor's uploads) under the module's permission instead of the content editor's, with the
 * core's errors as the SPI's.
 */
@ApplicationScoped
public class RuntimeMediaLibrary implements MediaLibrary {

  @Inject MediaService media;
  @Inject RuntimeCurrentUser user;
  @Inject Platform platform;
  @Inject SiteRepository sites;

  record Item(
      String id,
      String siteKey,
      String kind,
      String mediaType,
      String fileName,
      long size,
      String altZh,
      String url)
      implements MediaItem {}

  @Override
  @Transactional
  public MediaItem upload(String siteKey, String permission, Upload upload) {
    if (!platform.registry().permissions().containsKey(permission)) {
      // a programming error of the module, not the caller's: the deploy check cannot see arguments
      throw new IllegalArgumentException("No module declares permission '" + permission + "'");
    }
    if (sites.findByKey(siteKey).isEmpty()) {
      throw new NotFoundException("There is no site '" + siteKey + "'");
    }
    Caller caller =
        user.caller().orElseThrow(() -> new AccessDeniedException("Sign in to do this"));
    try {
      return item(
          media.upload(
              caller,
              siteKey,
              permission,
              new MediaUpload(
                  upload.content(), upload.fileName(), upload.altZh(), upload.altEn(), null)));
    } catch (ContentValidationException e) {
      Map<String, String> errors = new LinkedHashMap<>();
      for (FieldError f : e.errors()) {
        errors.putIfAbsent(f.field(), f.message());
      }
      throw new InvalidInputException(errors);
    } catch (UnsupportedContentException | PayloadTooLargeException e) {
      throw InvalidInputException.field("file", e.getMessage());
    } catch (tw.gov.civitas.core.security.AccessDeniedException e) {
      throw new AccessDeniedException(e.getMessage());
    }
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<MediaItem> find(String siteKey, String id) {
    return media
        .find(siteKey, id)
        .map(
            m ->
                new Item(
                    m.getId(),
                    siteKey,
                    m.getKind(),
                    m.getMediaType(),
                    m.getFileName(),
                    m.getSize(),
                    m.getAltZh(),
                    m.url("original")));
  }

  private static Item item(MediaView v) {
    return new Item(
        v.id(),
        v.siteKey(),
        v.kind(),
        v.mediaType(),
        v.fileName(),
        v.size(),
        v.altZh(),
        v.url("original"));
  }
}
