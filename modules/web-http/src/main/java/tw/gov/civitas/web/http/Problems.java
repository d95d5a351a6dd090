package tw.gov.civitas.web.http;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import tw.gov.civitas.core.error.FieldError;

/** RFC 9457 problem details: the only shape an API error takes. */
public final class Problems {

  public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
  private static final String TYPE_BASE = "https://civitas.taichung.gov.tw/problems/";

  private Problems() {}

  public static Response of(int status, String type, String title, String detail) {
    return of(status, type, title, detail, List.of());
  }

  /** For servlet filters, which answer before JAX-RS is reached. */
  public static void write(
      jakarta.servlet.http.HttpServletResponse resp,
      int status,
      String type,
      String title,
      String detail)
      throws java.io.IOException {
    byte[] body =
        Json.createObjectBuilder()
            .add("type", TYPE_BASE + type)
            .add("title", title)
            .add("status", status)
            .add("detail", detail)
            .build()
            .toString()
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    resp.setStatus(status);
    resp.setContentType(PROBLEM_JSON.toString());
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }

  public static Response of(
      int status, String type, String title, String detail, List<FieldError> errors) {
    return of(status, type, title, detail, errors, JsonValue.EMPTY_JSON_OBJECT);
  }

  /**
   * @param extensions members of this problem type (RFC 9457 §3.2), e.g. {@code currentRevision}
   */
  public static Response of(
      int status,
      String type,
      String title,
      String detail,
      List<FieldError> errors,
      JsonObject extensions) {
    JsonObjectBuilder body =
        Json.createObjectBuilder(extensions)
            .add("type", TYPE_BASE + type)
            .add("title", title)
            .add("status", status);
    if (detail != null) {
      body.add("detail", detail);
    }
    if (!errors.isEmpty()) {
      JsonArrayBuilder list = Json.createArrayBuilder();
      for (FieldError e : errors) {
        list.add(Json.createObjectBuilder().add("field", e.field()).add("message", e.message()));
      }
      body.add("errors", list);
    }
    return Response.status(status).type(PROBLEM_JSON).entity(body.build().toString()).build();
  }
}
