package tw.gov.civitas.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** A plain HTTP client for the tests: what curl would do. */
public final class Api {

  // HTTP/1.1 as curl speaks it: an h2c upgrade would replace the Host header with the URI authority.
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

  private Api() {}

  public static HttpResponse<String> get(String path, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(Ports.BASE_URL + path)).GET(), headers);
  }

  public static HttpResponse<String> post(String path, String body, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(Ports.BASE_URL + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
  }

  public static HttpResponse<String> put(String path, String body, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(Ports.BASE_URL + path))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body)), headers);
  }

  public static HttpResponse<String> delete(String path, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(Ports.BASE_URL + path)).DELETE(), headers);
  }

  /** A successful write through the management API, for the audit completeness check. */
  public record Write(String method, String path, java.time.Instant started, java.time.Instant finished) {}

  public static final java.util.List<Write> WRITES = new java.util.concurrent.CopyOnWriteArrayList<>();

  public static HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
      java.time.Instant started = java.time.Instant.now();
      HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (!"GET".equals(built.method()) && built.uri().getPath().startsWith("/api/v1/manage/")
          && response.statusCode() / 100 == 2) {
        WRITES.add(new Write(built.method(), built.uri().getPath(), started, java.time.Instant.now()));
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static java.util.List<JsonObject> jsonArray(HttpResponse<String> response) {
    try (JsonReader r = Json.createReader(new StringReader(response.body()))) {
      return r.readArray().getValuesAs(JsonObject.class);
    }
  }

  public static JsonObject json(HttpResponse<String> response) {
    try (JsonReader r = Json.createReader(new StringReader(response.body()))) {
      return r.readObject();
    }
  }

  /** {@code Authorization: Bearer …} for a demo user, from the real Keycloak (password grant of civitas-cli). */
  public static String[] bearer(String username) {
    return new String[] {"Authorization", "Bearer " + token(username)};
  }

  public static String token(String username) {
    return TOKENS.computeIfAbsent(username, u -> {
      String issuer = TestServices.keycloak().issuer();
      String form = Map.of("grant_type", "password", "client_id", "civitas-cli", "username", u, "password", "civitas-dev")
          .entrySet().stream()
          .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
      HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)));
      if (r.statusCode() != 200) {
        throw new IllegalStateException("no token for " + u + ": " + r.statusCode() + " " + r.body());
      }
      return json(r).getString("access_token");
    });
  }
}
