package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Ports;

/**
 * Every /api/ error is problem+json, also those the servlet container answers itself (an address
 * that does not decode, a path nothing serves); elsewhere the themed HTML pages stay.
 */
@ArquillianTest
class ApiErrorShapeIT {

  /** Raw, because java.net.URI refuses to send most of these spellings. */
  private static String get(String path) throws Exception {
    return SecurityEdgesIT.rawRequest(
        "127.0.0.1",
        "GET "
            + path
            + " HTTP/1.1\r\nHost: localhost:"
            + Ports.HTTP
            + "\r\nConnection: close\r\n\r\n");
  }

  private static String header(String response, String name) {
    for (String line : response.substring(0, response.indexOf("\r\n\r\n")).split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT)
          .startsWith(name.toLowerCase(java.util.Locale.ROOT) + ":")) {
        return line.substring(name.length() + 1).strip();
      }
    }
    return null;
  }

  private static JsonObject problem(String response, int status) {
    assertTrue(response.startsWith("HTTP/1.1 " + status + " "), response);
    assertEquals("application/problem+json", header(response, "Content-Type"), response);
    JsonObject body =
        Json.createReader(new StringReader(response.substring(response.indexOf("\r\n\r\n") + 4)))
            .readObject();
    assertEquals(status, body.getInt("status"));
    assertTrue(
        body.getString("type").startsWith("https://civitas.taichung.gov.tw/problems/"),
        body.toString());
    return body;
  }

  @Test
  void anAddressThatIsNotUtf8IsAProblemUnderApiAndTheThemedPageElsewhere() throws Exception {
    // percent-escapes that decode to bytes which are no UTF-8 (a truncated 3-byte sequence, a lone
    // continuation byte)
    for (String path :
        List.of(
            "/api/v1/sites/a%E0%A4/content",
            "/api/v1/sites/%80", "/api/v1/manage/sites/a%E0%A4/content")) {
      JsonObject body = problem(get(path), 400);
      assertEquals("Bad request", body.getString("title"), path);
    }
    String page = get("/sites/a%E0%A4/x%E0%A4");
    assertTrue(header(page, "Content-Type").startsWith("text/html"), page);
  }

  @Test
  void aPathNothingServesIsAProblemUnderApiAndTheThemedPageElsewhere() throws Exception {
    assertEquals(
        "not-found",
        problem(get("/api/nothing-here"), 404).getString("type").replaceAll(".*/", ""));
    assertEquals(
        "not-found", problem(get("/api/v2/sites"), 404).getString("type").replaceAll(".*/", ""));
    HttpResponse<String> html = Api.get("/nothing-here");
    assertEquals(404, html.statusCode());
    assertTrue(html.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    assertTrue(html.body().contains("找不到頁面"), html.body());
    // the error page itself is no address
    assertEquals(404, Api.get("/errors/status").statusCode());
  }

  @Test
  void aRefusedTokenStillSaysWhyAsAProblem() {
    HttpResponse<String> r = Api.get("/api/v1/manage/me", "Authorization", "Bearer nonsense");
    assertEquals(401, r.statusCode());
    assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElseThrow());
  }

  /**
   * A malformed escape ({@code %zz}, a lone {@code %}, {@code %2}) is refused by Undertow's HTTP
   * parser, before any handler or servlet runs: a fixed 400 without a body, and the connection
   * closed. Only {@code decode-url=false} on the listener lets such a request through, and then
   * every servlet sees undecoded paths (measured: {@code /sites/%74ransportation/} answers 404);
   * see the README's API section. This pins what clients get meanwhile: a 400 and no HTML.
   */
  @Test
  void aMalformedEscapeIsRefusedByTheParserWithABare400() throws Exception {
    for (String path :
        List.of("/api/v1/sites/%zz/content", "/api/v1/sites/%/content", "/api/v1/sites/a%2")) {
      String response = get(path);
      assertTrue(response.startsWith("HTTP/1.1 400 "), response);
      assertEquals("0", header(response, "Content-Length"), response);
    }
  }
}
