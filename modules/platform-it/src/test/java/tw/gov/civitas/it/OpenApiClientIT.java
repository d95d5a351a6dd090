package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Ports;

/**
 * /openapi is what app developers generate clients from: it passes a standard linter's recommended
 * rules without an error or a warning, and a Java client generated from it by OpenAPI Generator
 * compiles and reads a site's content from this server.
 */
@ArquillianTest
class OpenApiClientIT {

  /** A seeded agency site that no other test publishes on. */
  private static final String SITE = "tourism";

  private static final Path WORK = Path.of(System.getProperty("civitas.it.dir"), "openapi-client");

  private static Path document() throws IOException {
    HttpResponse<String> r = Api.get("/openapi", "Accept", "application/json");
    assertEquals(200, r.statusCode());
    Files.createDirectories(WORK);
    Path file = WORK.resolve("openapi.json");
    Files.writeString(file, r.body());
    return file;
  }

  private static String run(Path dir, long minutes, String... command) throws Exception {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(minutes, TimeUnit.MINUTES), String.join(" ", command) + " did not finish");
    String text = new String(out, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + text);
    return text;
  }

  @Test
  void theDocumentPassesRedoclysRecommendedRulesWithoutAnErrorOrAWarning() throws Exception {
    Path file = document();
    // no redocly.yaml: the recommended rules as they are, none switched off
    Process p =
        new ProcessBuilder(
                "npx",
                "--yes",
                "@redocly/cli@" + System.getProperty("civitas.it.redocly-cli"),
                "lint",
                "--extends",
                "recommended",
                "--format",
                "json",
                file.toString())
            .directory(WORK.toFile())
            .redirectError(WORK.resolve("redocly.err").toFile())
            .start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "redocly did not finish");
    assertTrue(
        out.indexOf('{') >= 0,
        "no report from redocly: " + out + Files.readString(WORK.resolve("redocly.err")));
    JsonObject report =
        Json.createReader(new StringReader(out.substring(out.indexOf('{')))).readObject();
    JsonObject totals = report.getJsonObject("totals");
    assertEquals(0, totals.getInt("errors"), report.getJsonArray("problems").toString());
    assertEquals(0, totals.getInt("warnings"), report.getJsonArray("problems").toString());
    assertEquals(0, totals.getInt("ignored"));
    assertEquals(0, p.exitValue());
  }

  @Test
  void aJavaClientGeneratedFromTheDocumentCompilesAndReadsASitesContent() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 6);
    String festival = "lantern-festival-" + run;
    String trail = "dakeng-trail-" + run;
    String[] admin = Api.bearer("platform-admin");
    for (String[] item :
        new String[][] {
          {festival, "{\"zh-TW\": \"臺中燈會\", \"en\": \"Taichung Lantern Festival\"}"},
          {trail, "\"大坑登山步道\""}
        }) {
      HttpResponse<String> c =
          Api.post(
              "/api/v1/manage/sites/" + SITE + "/content",
              """
          {"type": "news", "slug": "%s", "fields": {"title": %s, "body": "<p>歡迎。</p>"}}"""
                  .formatted(item[0], item[1]),
              admin);
      assertEquals(201, c.statusCode(), c.body());
      assertEquals(
          200,
          Api.post(
                  "/api/v1/manage/sites/" + SITE + "/content/" + item[0] + "/transitions",
                  "{\"action\":\"publish\"}",
                  admin)
              .statusCode());
    }

    Path file = document();
    Path generated = WORK.resolve("generated");
    deleteTree(generated);
    String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    run(
        WORK,
        5,
        javaCommand,
        "-jar",
        System.getProperty("civitas.it.openapi-generator"),
        "generate",
        "-i",
        file.toString(),
        "-g",
        "java",
        "--library",
        "native",
        "-o",
        generated.toString(),
        "--api-package",
        "tw.gov.civitas.client.api",
        "--model-package",
        "tw.gov.civitas.client.model",
        "--invoker-package",
        "tw.gov.civitas.client",
        "--additional-properties=useJakartaEe=true,hideGenerationTimestamp=true,useSingleRequestParameter=true");

    // the generated sources and an app's code using them, compiled as an app developer would
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> s = Files.walk(generated.resolve("src/main/java"))) {
      s.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
    }
    Path app = WORK.resolve("app/tw/gov/civitas/appclient/SiteReader.java");
    Files.createDirectories(app.getParent());
    try (var in = OpenApiClientIT.class.getResourceAsStream("/openapi-client/SiteReader.java")) {
      Files.write(app, in.readAllBytes());
    }
    sources.add(app);
    List<Path> libs;
    try (Stream<Path> s =
        Files.list(Path.of(System.getProperty("civitas.it.openapi-client-lib")))) {
      libs = s.filter(f -> f.toString().endsWith(".jar")).toList();
    }
    Path classes = WORK.resolve("classes");
    deleteTree(classes);
    Files.createDirectories(classes);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of(
              "--release",
              "17",
              "-proc:none",
              "-d",
              classes.toString(),
              "-classpath",
              String.join(java.io.File.pathSeparator, libs.stream().map(Path::toString).toList()));
      boolean compiled =
          compiler
              .getTask(
                  null,
                  files,
                  diagnostics,
                  options,
                  null,
                  files.getJavaFileObjectsFromPaths(sources))
              .call();
      assertTrue(compiled, diagnostics.getDiagnostics().toString());
    }

    List<URL> urls = new ArrayList<>();
    urls.add(classes.toUri().toURL());
    for (Path lib : libs) {
      urls.add(lib.toUri().toURL());
    }
    List<String> facts;
    try (URLClassLoader loader =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      Method read =
          loader
              .loadClass("tw.gov.civitas.appclient.SiteReader")
              .getMethod("read", String.class, String.class, String.class, String.class);
      @SuppressWarnings("unchecked")
      List<String> answer =
          (List<String>) read.invoke(null, Ports.BASE_URL, SITE, "news", festival);
      facts = answer;
    }

    List<String> ours =
        facts.stream().filter(f -> !f.startsWith("listed ") || f.contains(run)).toList();
    assertEquals(
        List.of(
            "site tourism 臺中市政府觀光旅遊局 / Tourism and Travel Bureau",
            "listed " + festival + " 臺中燈會 (zh-TW)",
            "listed " + trail + " 大坑登山步道 (zh-TW)",
            "item "
                + festival
                + " Taichung Lantern Festival (en) revision 1 /api/v1/sites/tourism/content/"
                + festival),
        ours);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
