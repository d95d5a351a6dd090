package tw.gov.civitas.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import tw.gov.civitas.core.error.FieldError;
import tw.gov.civitas.security.CallerFactory;
import tw.gov.civitas.spi.runtime.AccessDeniedException;
import tw.gov.civitas.spi.runtime.ConflictException;
import tw.gov.civitas.spi.runtime.InvalidInputException;
import tw.gov.civitas.spi.runtime.NotFoundException;
import tw.gov.civitas.web.http.Problems;

/**
 * The SPI's exceptions, thrown by plug-in modules, as the same problem details the core's answer
 * with.
 */
public final class ModuleProblems {

  private ModuleProblems() {}

  @Provider
  public static class Denied implements ExceptionMapper<AccessDeniedException> {
    @Inject CallerFactory callers;

    @Override
    public Response toResponse(AccessDeniedException e) {
      if (callers.current().isEmpty()) {
        return Problems.of(401, "unauthenticated", "Authentication required", e.getMessage());
      }
      return Problems.of(403, "forbidden", "Not allowed", e.getMessage());
    }
  }

  @Provider
  public static class Invalid implements ExceptionMapper<InvalidInputException> {
    @Override
    public Response toResponse(InvalidInputException e) {
      List<FieldError> errors =
          e.fieldErrors().entrySet().stream()
              .map(f -> new FieldError(f.getKey(), f.getValue()))
              .toList();
      return Problems.of(
          400, "invalid-input", "The input is not valid", "Nothing was stored.", errors);
    }
  }

  @Provider
  public static class Missing implements ExceptionMapper<NotFoundException> {
    @Override
    public Response toResponse(NotFoundException e) {
      return Problems.of(404, "not-found", "Not found", e.getMessage());
    }
  }

  @Provider
  public static class Conflict implements ExceptionMapper<ConflictException> {
    @Override
    public Response toResponse(ConflictException e) {
      return Problems.of(409, "conflict", "Conflicts with the current state", e.getMessage());
    }
  }
}
