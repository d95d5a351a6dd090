package tw.gov.civitas.api;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import tw.gov.civitas.core.error.ConflictException;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.persistence.DatabaseFailures;
import tw.gov.civitas.core.security.AccessDeniedException;
import tw.gov.civitas.web.http.Problems;

/**
 * Maps every failure to a problem+json response; nothing internal (stack, SQL, ids) leaves the
 * server.
 */
public final class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

  private ProblemMappers() {}

  @Provider
  public static class Validation implements ExceptionMapper<ContentValidationException> {
    @Override
    public Response toResponse(ContentValidationException e) {
      return Problems.of(
          400,
          "invalid-content",
          "The content is not valid",
          "Fix the fields listed in 'errors'; nothing was stored.",
          e.errors());
    }
  }

  @Provider
  public static class Denied implements ExceptionMapper<AccessDeniedException> {
    @Override
    public Response toResponse(AccessDeniedException e) {
      return Problems.of(403, "forbidden", "Not allowed on this site", e.getMessage());
    }
  }

  @Provider
  public static class IdentityProviderDown
      implements ExceptionMapper<tw.gov.civitas.security.IdentityProviderUnavailableException> {
    @Override
    public Response toResponse(tw.gov.civitas.security.IdentityProviderUnavailableException e) {
      LOG.warning(e.getMessage());
      Response r =
          Problems.of(
              503,
              "identity-provider-unavailable",
              "Sign-in service unavailable",
              "The city's sign-in service did not answer in time. Try again shortly.");
      return Response.fromResponse(r).header("Retry-After", "10").build();
    }
  }

  @Provider
  public static class Missing
      implements ExceptionMapper<tw.gov.civitas.core.error.NotFoundException> {
    @Override
    public Response toResponse(tw.gov.civitas.core.error.NotFoundException e) {
      return Problems.of(404, "not-found", "Not found", e.getMessage());
    }
  }

  @Provider
  public static class Conflict implements ExceptionMapper<ConflictException> {
    @Override
    public Response toResponse(ConflictException e) {
      JsonObject current =
          e.currentRevision() == null
              ? JsonValue.EMPTY_JSON_OBJECT
              : Json.createObjectBuilder().add("currentRevision", e.currentRevision()).build();
      return Problems.of(
          409, "conflict", "Conflicts with the current state", e.getMessage(), List.of(), current);
    }
  }

  @Provider
  public static class TooLarge
      implements ExceptionMapper<tw.gov.civitas.core.media.PayloadTooLargeException> {
    @Override
    public Response toResponse(tw.gov.civitas.core.media.PayloadTooLargeException e) {
      return Problems.of(
          413, "too-large", "The upload is too large", e.getMessage() + "; nothing was stored.");
    }
  }

  @Provider
  public static class UnsupportedContent
      implements ExceptionMapper<tw.gov.civitas.core.media.UnsupportedContentException> {
    @Override
    public Response toResponse(tw.gov.civitas.core.media.UnsupportedContentException e) {
      return Problems.of(
          415,
          "unsupported-content",
          "This kind of file is not accepted",
          e.getMessage() + "; nothing was stored.");
    }
  }

  @Provider
  public static class MalformedJson implements ExceptionMapper<JsonException> {
    @Override
    public Response toResponse(JsonException e) {
      return malformed();
    }
  }

  @Provider
  public static class MalformedBody implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException e) {
      return malformed();
    }
  }

  static Response malformed() {
    return Problems.of(
        400,
        "malformed-body",
        "The request body is not valid JSON",
        "Send a JSON object with Content-Type: application/json.");
  }

  @Provider
  public static class Http implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      int status = e.getResponse().getStatus();
      if (e.getCause() instanceof JsonParsingException || e.getCause() instanceof JsonException) {
        return malformed();
      }
      if (e instanceof NotFoundException) {
        // No route: distinct from a missing site or item, which is "not-found" with its own detail.
        return Problems.of(404, "no-such-resource", "Not found", "No such resource.");
      }
      if (e instanceof NotAllowedException) {
        Response r = Problems.of(405, "method-not-allowed", "Method not allowed", null);
        return Response.fromResponse(r).allow(e.getResponse().getAllowedMethods()).build();
      }
      String title =
          Response.Status.fromStatusCode(status) == null
              ? "Error"
              : Response.Status.fromStatusCode(status).getReasonPhrase();
      return Problems.of(status, "http-" + status, title, null);
    }
  }

  /** Seconds a caller should wait after a transient database failure. */
  static final int RETRY_AFTER_SECONDS = 2;

  @Provider
  public static class Unexpected implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      if (DatabaseFailures.isTransient(e)) {
        LOG.log(
            Level.WARNING, "The database failed transiently while serving an API request: " + e);
        return Response.fromResponse(
                Problems.of(
                    503,
                    "unavailable",
                    "Temporarily unavailable",
                    "The database was briefly unreachable. A write is stored entirely or not at all: try again in "
                        + RETRY_AFTER_SECONDS
                        + " seconds (read first if repeating it could apply it twice)."))
            .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
            .build();
      }
      LOG.log(Level.SEVERE, "Unexpected failure while serving an API request", e);
      return Problems.of(
          500,
          "internal",
          "Something went wrong on our side",
          "The request was not completed. Try again later.");
    }
  }
}
