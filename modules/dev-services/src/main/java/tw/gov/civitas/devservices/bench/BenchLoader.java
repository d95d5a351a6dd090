package tw.gov.civitas.devservices.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Loads the benchmark data set through the management API (as an editor would), then saves the
 * exact response bytes for the nginx reference and the URL lists wrk cycles through.
 *
 * <p>Arguments: base URL, OIDC issuer, articles JSON, output folder.
 */
public final class BenchLoader {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private BenchLoader() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String issuer = args[1];
    Path articlesFile = Path.of(args[2]);
    Path out = Path.of(args[3]);
    String token = token(issuer);

    List<JsonObject> articles;
    try (InputStream in = Files.newInputStream(articlesFile);
        JsonReader r = Json.createReader(in)) {
      articles = r.readArray().getValuesAs(JsonObject.class);
    }
    TreeSet<String> sites = new TreeSet<>();
    articles.forEach(a -> sites.add(a.getString("site")));
    for (String site : sites) {
      HttpResponse<String> r =
          send(
              post(
                  base + "/api/v1/manage/sites",
                  token,
                  Json.createObjectBuilder()
                      .add("key", site)
                      .add(
                          "name",
                          Json.createObjectBuilder()
                              .add("zh-TW", "基準測試 " + site)
                              .add("en", "Bench " + site))
                      .build()
                      .toString()));
      if (r.statusCode() != 201 && r.statusCode() != 409) {
        throw new IllegalStateException(
            "cannot create site " + site + ": " + r.statusCode() + " " + r.body());
      }
    }
    long t0 = System.nanoTime();
    // In publication order, a few at a time: "newest" then means the articles' own order.
    ExecutorService pool = Executors.newFixedThreadPool(4);
    int chunk = 4;
    for (int i = 0; i < articles.size(); i += chunk) {
      List<Future<?>> running = new ArrayList<>();
      for (JsonObject a : articles.subList(i, Math.min(articles.size(), i + chunk))) {
        running.add(pool.submit(() -> load(base, token, a)));
      }
      for (Future<?> f : running) {
        f.get();
      }
    }
    pool.shutdown();
    System.out.printf(
        "loaded %d articles in %d sites in %.1f s%n",
        articles.size(), sites.size(), (System.nanoTime() - t0) / 1e9);

    // The nginx reference serves the very bytes Civitas answers.
    List<String> itemUrls = new ArrayList<>();
    List<String> listUrls = new ArrayList<>();
    List<String> nginxListUrls = new ArrayList<>();
    for (JsonObject a : articles) {
      String path = "/api/v1/sites/" + a.getString("site") + "/content/" + a.getString("slug");
      save(out.resolve("nginx" + path), get(base + path));
      itemUrls.add(path);
    }
    for (String site : sites) {
      String path = "/api/v1/sites/" + site + "/content?size=20";
      save(out.resolve("nginx/lists/" + site + ".json"), get(base + path));
      listUrls.add(path);
      nginxListUrls.add("/lists/" + site + ".json");
    }
    Files.write(out.resolve("urls-item.txt"), itemUrls);
    Files.write(out.resolve("urls-list.txt"), listUrls);
    Files.write(out.resolve("urls-list-nginx.txt"), nginxListUrls);
  }

  private static Void load(String base, String token, JsonObject a)
      throws IOException, InterruptedException {
    String site = a.getString("site");
    String slug = a.getString("slug");
    String body =
        Json.createObjectBuilder()
            .add("type", "news")
            .add("slug", slug)
            .add(
                "fields",
                Json.createObjectBuilder()
                    .add("title", a.getString("title"))
                    .add("body", a.getString("bodyHtml")))
            .build()
            .toString();
    HttpResponse<String> c =
        send(post(base + "/api/v1/manage/sites/" + site + "/content", token, body));
    if (c.statusCode() != 201 && c.statusCode() != 409) {
      throw new IllegalStateException("create " + slug + ": " + c.statusCode() + " " + c.body());
    }
    HttpResponse<String> p =
        send(
            post(
                base + "/api/v1/manage/sites/" + site + "/content/" + slug + "/transitions",
                token,
                "{\"action\":\"publish\"}"));
    if (p.statusCode() != 200 && p.statusCode() != 409) {
      throw new IllegalStateException("publish " + slug + ": " + p.statusCode() + " " + p.body());
    }
    return null;
  }

  private static byte[] get(String url) throws IOException, InterruptedException {
    HttpResponse<byte[]> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET " + url + ": " + r.statusCode());
    }
    return r.body();
  }

  private static void save(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  private static HttpRequest post(String url, String token, String json) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  /** Sends, waiting out a 429 as a polite client does. */
  private static HttpResponse<String> send(HttpRequest r) throws IOException, InterruptedException {
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> response =
          HTTP.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != 429 || attempt == 5) {
        return response;
      }
      Thread.sleep(
          1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("5")));
    }
  }

  private static String token(String issuer) throws IOException, InterruptedException {
    String form =
        "grant_type=password&client_id=civitas-cli&username=platform-admin&password="
            + URLEncoder.encode("civitas-dev", StandardCharsets.UTF_8);
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    try (JsonReader reader = Json.createReader(new java.io.StringReader(r.body()))) {
      return reader.readObject().getString("access_token");
    }
  }
}
