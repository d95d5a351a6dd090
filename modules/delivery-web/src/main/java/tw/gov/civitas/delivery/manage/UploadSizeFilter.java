package tw.gov.civitas.delivery.manage;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import tw.gov.civitas.core.media.MediaService;
import tw.gov.civitas.delivery.api.Problems;

/** Refuses an announced oversize upload with 413 before a byte of it is read. */
@Provider
@PreMatching
public class UploadSizeFilter implements ContainerRequestFilter {

  /** Room for the multipart envelope and the text parts around the file. */
  private static final long ENVELOPE = 64 * 1024;

  @Override
  public void filter(ContainerRequestContext ctx) {
    if (!"POST".equals(ctx.getMethod()) || !ctx.getUriInfo().getPath().endsWith("/media")) {
      return;
    }
    if (ctx.getLength() > MediaService.MAX_BYTES + ENVELOPE) {
      ctx.abortWith(Problems.of(413, "too-large", "The upload is too large",
          "Files may be at most " + MediaService.MAX_BYTES / (1024 * 1024) + " MB; nothing was stored."));
    }
  }
}
