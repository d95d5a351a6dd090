package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Eventually;
import tw.gov.civitas.it.support.Multipart;
import tw.gov.civitas.it.support.Ports;

/**
 * Every management operation (discovered from /openapi, with the permission it declares) and
 * every editor page (discovered from the editor's sources) × every demo role × own site, another
 * site and no token. Zero cross-site access: a call on a site where the caller holds no role with
 * the permission is 403, whatever it is.
 */
@ArquillianTest
class AuthorizationMatrixIT {

  private static final List<String> SITES = List.of("transportation", "xitun-district");
  /** The demo realm's role holders (the fixture: modules/dev-services/.../civitas-realm.json). */
  private static final Map<String, Map<String, Set<String>>> SITE_ROLES = Map.of(
      "platform-admin", Map.of(),
      "transportation-webmaster", Map.of("transportation", Set.of("site-admin")),
      "transportation-editor", Map.of("transportation", Set.of("editor")),
      "xitun-webmaster", Map.of("xitun-district", Set.of("site-admin")),
      "digital-reviewer", Map.of(),
      "citizen", Map.of());
  private static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z]+)}");

  record Operation(String method, String template, String permission, String contentType) {}

  static List<Operation> discoverOperations() {
    JsonObject paths = Api.json(Api.get("/openapi", "Accept", "application/json")).getJsonObject("paths");
    List<Operation> ops = new ArrayList<>();
    for (String path : paths.keySet()) {
      if (!path.startsWith("/api/v1/manage")) {
        continue;
      }
      JsonObject item = paths.getJsonObject(path);
      for (String method : List.of("get", "post", "put", "delete")) {
        if (!item.containsKey(method)) {
          continue;
        }
        JsonObject op = item.getJsonObject(method);
        assertTrue(op.containsKey("x-civitas-permission"),
            method.toUpperCase() + " " + path + " declares no x-civitas-permission");
        String contentType = op.containsKey("requestBody")
            ? op.getJsonObject("requestBody").getJsonObject("content").keySet().iterator().next() : null;
        ops.add(new Operation(method.toUpperCase(), path, op.getString("x-civitas-permission"), contentType));
      }
    }
    return ops;
  }

  static Map<String, Set<String>> grants() {
    Map<String, Set<String>> grants = new HashMap<>();
    for (JsonObject p : Api.json(Api.get("/api/v1/manage/permissions", Api.bearer("citizen"))).getJsonArray("items")
        .getValuesAs(JsonObject.class)) {
      grants.put(p.getString("id"), Set.copyOf(p.getJsonArray("grantedTo").getValuesAs(JsonString.class).stream()
          .map(JsonString::getString).toList()));
    }
    return grants;
  }

  static boolean allowed(String user, String site, String permission, Map<String, Set<String>> grants) {
    if ("signed-in".equals(permission)) {
      return true;
    }
    if ("platform-admin".equals(user)) {
      return true;
    }
    if ("platform.admin".equals(permission) || site == null) {
      return false;
    }
    Set<String> held = SITE_ROLES.get(user).getOrDefault(site, Set.of());
    return held.stream().anyMatch(grants.getOrDefault(permission, Set.of())::contains);
  }

  private static HttpResponse<String> call(Operation op, String site, String... auth) {
    String path = op.template();
    Matcher m = PARAM.matcher(path);
    StringBuilder url = new StringBuilder();
    while (m.find()) {
      String value = switch (m.group(1)) {
        case "site" -> site;
        case "slug" -> "matrix-item";
        case "menu" -> "main";
        default -> "1";
      };
      m.appendReplacement(url, value);
    }
    m.appendTail(url);
    if (op.contentType() != null && op.contentType().startsWith("multipart/")) {
      return new Multipart().field("title", "matrix").post(url.toString(), auth);
    }
    HttpRequest.BodyPublisher body = op.contentType() == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString("{}");
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Ports.BASE_URL + url)).method(op.method(), body);
    if (op.contentType() != null) {
      request.header("Content-Type", op.contentType());
    }
    return Api.send(request, auth);
  }

  @Test
  void everyManagementOperationTimesEveryRoleTimesOwnAndOtherSite() {
    for (String site : SITES) {
      Api.post("/api/v1/manage/sites/" + site + "/content",
          "{\"type\": \"page\", \"slug\": \"matrix-item\", \"fields\": {\"title\": \"矩陣測試\"}}", Api.bearer("platform-admin"));
    }
    List<Operation> ops = discoverOperations();
    assertTrue(ops.size() >= 25, "found only " + ops.size() + " operations");
    Map<String, Set<String>> grants = grants();
    List<String> failures = new ArrayList<>();
    int calls = 0;
    for (Operation op : ops) {
      boolean perSite = op.template().contains("{site}");
      for (String site : perSite ? SITES : java.util.Collections.<String>singletonList(null)) {
        HttpResponse<String> anonymous = call(op, site);
        calls++;
        if (anonymous.statusCode() != 401) {
          failures.add("anonymous " + op.method() + " " + op.template() + " on " + site + ": " + anonymous.statusCode());
        }
        for (String user : SITE_ROLES.keySet()) {
          HttpResponse<String> response = call(op, site, Api.bearer(user));
          int status = response.statusCode();
          calls++;
          boolean expectAllowed = allowed(user, site, op.permission(), grants);
          // allowed: any answer of the operation itself (a 400 for the empty body, a 404 for a missing item…)
          boolean ok = expectAllowed
              ? status != 401 && status != 403 && status < 500 && !response.body().contains("/problems/no-such-resource")
              : status == 403;
          if (!ok) {
            failures.add(user + " " + op.method() + " " + op.template() + " on " + site + " (" + op.permission()
                + "): " + status + (expectAllowed ? ", expected allowed" : ", expected 403"));
          }
        }
      }
    }
    assertTrue(failures.isEmpty(), calls + " calls, " + failures.size() + " wrong:\n" + String.join("\n", failures));
    // the matrix asked for a search-index rebuild: let it finish before other tests search
    Eventually.until("the search index rebuild", Duration.ofSeconds(60), () -> Api.get("/api/v1/manage/search-index",
        Api.bearer("platform-admin")).body().contains("\"done\""));
  }

  @Test
  void everyEditorPageTimesEveryRoleTimesOwnAndOtherSite() throws IOException {
    Path webapp = Path.of(System.getProperty("civitas.home"), "modules/editor-web/src/main/webapp");
    List<Path> pages;
    try (Stream<Path> files = Files.walk(webapp)) {
      pages = files.filter(p -> p.toString().endsWith(".xhtml") && !p.toString().contains("WEB-INF")).toList();
    }
    assertFalse(pages.isEmpty());
    List<String> failures = new ArrayList<>();
    for (Path page : pages) {
      String name = webapp.relativize(page).toString();
      // A page with a "site" view parameter is a site's page: it needs a role on that site.
      boolean perSite = Files.readString(page).contains("name=\"site\"");
      for (String site : perSite ? SITES : java.util.Collections.<String>singletonList(null)) {
        String url = "/editor/" + name + (site == null ? "" : "?site=" + site);
        int anonymous = Api.get(url).statusCode();
        if (anonymous != 302 && anonymous != 401) {
          failures.add("anonymous " + url + ": " + anonymous + ", expected a redirect to the login");
        }
        for (String user : SITE_ROLES.keySet()) {
          int status = Api.get(url, Api.bearer(user)).statusCode();
          boolean expectAllowed = site == null || "platform-admin".equals(user)
              || !SITE_ROLES.get(user).getOrDefault(site, Set.of()).isEmpty();
          if (expectAllowed ? status != 200 : status != 403) {
            failures.add(user + " " + url + ": " + status + (expectAllowed ? ", expected 200" : ", expected 403"));
          }
        }
      }
    }
    assertEquals(List.of(), failures);
  }
}
