package tw.gov.civitas.manage;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import tw.gov.civitas.core.media.MediaService;
import tw.gov.civitas.web.http.Problems;

/**
 * Bodies of writes, before anything reads them: an upload larger than the media limit, or a JSON
 * body over 1 MB, gets 413 without being read through; a JSON body that is not valid UTF-8 gets 400
 * (rather than being stored with replacement characters).
 */
@Provider
@PreMatching
public class RequestBodyGuard implements ContainerRequestFilter {

  static final int MAX_JSON = Integer.getInteger("civitas.api.max-json-bytes", 1024 * 1024);

  /** Room for the multipart envelope and the text parts around the file. */
  private static final long ENVELOPE = 64 * 1024;

  @Override
  public void filter(ContainerRequestContext ctx) {
    String method = ctx.getMethod();
    if ("GET".equals(method)
        || "HEAD".equals(method)
        || "DELETE".equals(method)
        || "OPTIONS".equals(method)) {
      return;
    }
    MediaType type = ctx.getMediaType();
    if (type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
      if (ctx.getLength() > MediaService.MAX_BYTES + ENVELOPE) {
        ctx.abortWith(
            Problems.of(
                413,
                "too-large",
                "The upload is too large",
                "Files may be at most "
                    + MediaService.MAX_BYTES / (1024 * 1024)
                    + " MB; nothing was stored."));
      }
      return;
    }
    if (ctx.getLength() > MAX_JSON) {
      ctx.abortWith(tooLarge());
      return;
    }
    if (type == null || !type.getSubtype().endsWith("json")) {
      return;
    }
    byte[] body;
    try (InputStream in = ctx.getEntityStream()) {
      body = in.readNBytes(MAX_JSON + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (body.length > MAX_JSON) {
      ctx.abortWith(tooLarge());
      return;
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
    } catch (CharacterCodingException e) {
      ctx.abortWith(
          Problems.of(
              400,
              "malformed-body",
              "The request body is not valid UTF-8",
              "Send JSON encoded as UTF-8; nothing was stored."));
      return;
    }
    ctx.setEntityStream(new ByteArrayInputStream(body));
  }

  private static jakarta.ws.rs.core.Response tooLarge() {
    return Problems.of(
        413,
        "too-large",
        "The request body is too large",
        "JSON bodies may be at most " + MAX_JSON / 1024 + " kB; nothing was stored.");
  }
}
