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

  // HTTP/1.1 as curl speaks it: an h2c upgrade would replace the Host header with the URI
  // authority.
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /**
   * Tokens per demo user, with when they expire: a whole run outlasts a token's ten minutes, and a
   * test holds the header it asked for while it works.
   */
  private record Token(String value, long expiresAtMillis) {}

  private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

  /** Every token issued in this run and its user, renewed ones too: writes name their author. */
  private static final Map<String, String> ISSUED = new ConcurrentHashMap<>();

  /** A token handed out keeps at least this long, so a test's header does not expire under it. */
  private static final long MIN_LIFE_MILLIS = Duration.ofMinutes(4).toMillis();

  private Api() {}

  public static HttpResponse<String> get(String path, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(Ports.BASE_URL + path)).GET(), headers);
  }

  public static HttpResponse<String> post(String path, String body, String... headers) {
    return send(
        HttpRequest.newBuilder(URI.create(Ports.BASE_URL + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        headers);
  }

  public static HttpResponse<String> put(String path, String body, String... headers) {
    return send(
        HttpRequest.newBuilder(URI.create(Ports.BASE_URL + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body)),
        headers);
  }

  public static HttpResponse<String> delete(String path, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(Ports.BASE_URL + path)).DELETE(), headers);
  }

  /**
   * A successful write through the management API, for the audit completeness check: who made it
   * (the demo user whose token it carried), what it sent and what it got back.
   */
  public record Write(
      String method,
      String path,
      String actor,
      String requestBody,
      String responseBody,
      java.time.Instant started,
      java.time.Instant finished) {}

  public static final java.util.List<Write> WRITES =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  public static HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
      java.time.Instant started = java.time.Instant.now();
      HttpResponse<String> response =
          HTTP.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (!"GET".equals(built.method())
          && built.uri().getPath().startsWith("/api/v1/manage")
          && response.statusCode() / 100 == 2) {
        String actor = built.headers().firstValue("Authorization").map(Api::userOf).orElse(null);
        WRITES.add(
            new Write(
                built.method(),
                built.uri().getPath(),
                actor,
                jsonBody(built),
                response.body(),
                started,
                java.time.Instant.now()));
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
      return HTTP.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
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

  /**
   * {@code Authorization: Bearer …} for a demo user, from the real Keycloak (password grant of
   * civitas-cli).
   */
  public static String[] bearer(String username) {
    return new String[] {"Authorization", "Bearer " + token(username)};
  }

  /**
   * A JSON request's body, read back from its publisher (the in-memory ones publish synchronously).
   */
  private static String jsonBody(HttpRequest request) {
    if (!request.headers().firstValue("Content-Type").orElse("").contains("json")
        || request.bodyPublisher().isEmpty()) {
      return null;
    }
    java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream();
    java.util.concurrent.CompletableFuture<Void> done =
        new java.util.concurrent.CompletableFuture<>();
    request
        .bodyPublisher()
        .get()
        .subscribe(
            new java.util.concurrent.Flow.Subscriber<java.nio.ByteBuffer>() {
              @Override
              public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
              }

              @Override
              public void onNext(java.nio.ByteBuffer b) {
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                sink.write(bytes, 0, bytes.length);
              }

              @Override
              public void onError(Throwable t) {
                done.completeExceptionally(t);
              }

              @Override
              public void onComplete() {
                done.complete(null);
              }
            });
    try {
      done.get(5, java.util.concurrent.TimeUnit.SECONDS);
      return sink.toString(StandardCharsets.UTF_8);
    } catch (Exception e) {
      return null;
    }
  }

  /**
   * The demo user a bearer header was issued to here, or the header itself if no test asked for it.
   */
  private static String userOf(String authorization) {
    String user =
        authorization.startsWith("Bearer ") ? ISSUED.get(authorization.substring(7)) : null;
    return user != null ? user : authorization;
  }

  public static String token(String username) {
    return TOKENS
        .compute(
            username,
            (u, held) -> {
              if (held != null
                  && held.expiresAtMillis() - System.currentTimeMillis() > MIN_LIFE_MILLIS) {
                return held;
              }
              return fetch(u);
            })
        .value();
  }

  private static Token fetch(String u) {
    long asked = System.currentTimeMillis();
    String issuer = TestServices.keycloak().issuer();
    String form =
        Map.of(
                "grant_type",
                "password",
                "client_id",
                "civitas-cli",
                "username",
                u,
                "password",
                "civitas-dev")
            .entrySet()
            .stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    if (r.statusCode() != 200) {
      throw new IllegalStateException("no token for " + u + ": " + r.statusCode() + " " + r.body());
    }
    JsonObject issued = json(r);
    ISSUED.put(issued.getString("access_token"), u);
    return new Token(
        issued.getString("access_token"),
        asked + issued.getJsonNumber("expires_in").longValue() * 1000);
  }
}
