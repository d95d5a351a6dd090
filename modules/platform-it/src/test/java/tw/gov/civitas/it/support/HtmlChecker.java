package tw.gov.civitas.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The W3C Nu HTML Checker (vnu.jar, fetched by platform-it's pom.xml from the npm registry with a
 * pinned checksum), run once per test run as a local web service in its own JVM, so its libraries
 * stay off the tests' class path.
 */
public final class HtmlChecker {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static volatile URI service;

  private HtmlChecker() {}

  /**
   * The checker's errors for a document, each as "line N: message"; empty when it is valid HTML.
   */
  public static List<String> errors(String html) {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(service().resolve("/?out=json"))
                  .header("Content-Type", "text/html; charset=utf-8")
                  .timeout(Duration.ofSeconds(60))
                  .POST(HttpRequest.BodyPublishers.ofString(html, StandardCharsets.UTF_8))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (r.statusCode() != 200) {
        throw new IllegalStateException(
            "the HTML checker answered " + r.statusCode() + ": " + r.body());
      }
      try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
        return reader.readObject().getJsonArray("messages").getValuesAs(JsonObject.class).stream()
            .filter(
                m ->
                    "error".equals(m.getString("type"))
                        || "fatal".equals(m.getString("subType", "")))
            .map(
                m ->
                    "line "
                        + m.getInt("lastLine", 0)
                        + ": "
                        + m.getString("message")
                        + " ["
                        + m.getString("extract", "").strip()
                        + "]")
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static synchronized URI service() throws IOException, InterruptedException {
    if (service != null) {
      return service;
    }
    Path jar = Path.of(System.getProperty("civitas.it.dir", "target"), "vnu", "vnu.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: platform-it's pre-integration-test phase fetches it");
    }
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process =
        new ProcessBuilder(
                java,
                "-Xss4m",
                "-Xmx512m",
                "-Dnu.validator.servlet.bind-address=127.0.0.1",
                "-cp",
                jar.toString(),
                "nu.validator.servlet.Main",
                String.valueOf(port))
            .redirectErrorStream(true)
            .redirectOutput(jar.resolveSibling("vnu.log").toFile())
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
    URI uri = URI.create("http://127.0.0.1:" + port);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (HTTP.send(
                    HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          service = uri;
          return uri;
        }
      } catch (IOException notYet) {
        Thread.sleep(300);
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the HTML checker exited; see " + jar.resolveSibling("vnu.log"));
      }
    }
    process.destroy();
    throw new IllegalStateException("the HTML checker did not start within 60 s");
  }
}
