package tw.gov.civitas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.it.support.Api;
import tw.gov.civitas.it.support.Eventually;
import tw.gov.civitas.it.support.HtmlChecker;
import tw.gov.civitas.it.support.Ports;

/**
 * A citizen clicking through a demo bureau site and a demo district site, in both languages, never
 * meets a dead link: every link, picture, stylesheet and script of every page reached answers, and
 * every page reached is valid HTML.
 */
@ArquillianTest
class DemoSitesCrawlIT {

  /** Enough to reach every list, item, section and required page of a demo site. */
  private static final int MAX_PAGES = 150;

  @Test
  void noLinkOnADemoSiteLeadsNowhere() {
    for (String site : List.of("finance", "beitun-district")) {
      Eventually.until(
          site + " has its demo content",
          Duration.ofMinutes(4),
          () ->
              Api.json(Api.get("/api/v1/sites/" + site + "/content?tag=demo")).getInt("total") > 0);
      Map<String, Integer> broken = new LinkedHashMap<>();
      List<String> invalid = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      Deque<String> queue =
          new ArrayDeque<>(List.of("/sites/" + site + "/", "/sites/" + site + "/?lang=en"));
      Set<String> checkedResources = new LinkedHashSet<>();
      int pages = 0;
      while (!queue.isEmpty() && pages < MAX_PAGES) {
        String path = queue.poll();
        if (!seen.add(path)) {
          continue;
        }
        HttpResponse<String> r = Api.get(path);
        if (r.statusCode() != 200) {
          broken.put(path, r.statusCode());
          continue;
        }
        if (!r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
          continue;
        }
        pages++;
        HtmlChecker.errors(r.body()).forEach(e -> invalid.add(path + ": " + e));
        Document page = Jsoup.parse(r.body(), Ports.BASE_URL + path);
        for (Element a : page.select("a[href]")) {
          String href = local(a.absUrl("href"));
          if (href == null) {
            continue;
          }
          if (href.startsWith("/sites/" + site + "/") && !href.contains("/feed.")) {
            queue.add(href);
          } else {
            checkedResources.add(href); // other sites, media, feeds: checked once, not crawled
          }
        }
        for (Element e : page.select("img[src], link[href], script[src]")) {
          String src = local(e.absUrl(e.hasAttr("src") ? "src" : "href"));
          if (src != null) {
            checkedResources.add(src);
          }
        }
      }
      for (String resource : checkedResources) {
        if (seen.contains(resource)) {
          continue;
        }
        int status =
            Api.sendBytes(HttpRequest.newBuilder(URI.create(Ports.BASE_URL + resource)).GET())
                .statusCode();
        // a redirect is a working link too: signing in leads on to the identity provider
        if (status != 200 && (status < 300 || status > 303)) {
          broken.put(resource, status);
        }
      }
      assertTrue(pages >= 20, site + ": only " + pages + " pages reached: " + seen);
      assertEquals(Map.of(), broken, site + ": links that lead nowhere");
      assertEquals(List.of(), invalid, site + ": pages the Nu HTML Checker refuses");
    }
  }

  /** A link's path and query on this server, without its fragment; null for other hosts. */
  private static String local(String absolute) {
    if (!absolute.startsWith(Ports.BASE_URL + "/")) {
      return null;
    }
    String path = absolute.substring(Ports.BASE_URL.length());
    int hash = path.indexOf('#');
    return hash < 0 ? path : path.substring(0, hash);
  }
}
