package tw.gov.civitas.site;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import tw.gov.civitas.api.Localization;
import tw.gov.civitas.core.content.ContentPreview;
import tw.gov.civitas.core.content.ContentView;
import tw.gov.civitas.core.content.PreviewTokens;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;

/**
 * {@code /preview/<token>}: a draft as it will look, for whoever holds the signed link (a reviewer,
 * a colleague without an account) until it expires. Never cached, never indexed.
 */
@WebServlet(urlPatterns = "/preview/*")
public class PreviewPages extends HttpServlet {

  @Inject PreviewTokens tokens;
  @Inject ContentPreview content;
  @Inject SiteRepository sites;
  @Inject PageRenderer renderer;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String token = req.getPathInfo() == null ? null : req.getPathInfo().substring(1);
    Optional<PreviewTokens.Grant> grant = tokens.verify(token, Instant.now());
    resp.setHeader("Cache-Control", "no-store");
    if (grant.isEmpty()) {
      resp.sendError(404);
      return;
    }
    PreviewTokens.Grant g = grant.get();
    Optional<Site> site = sites.findByKey(g.siteKey());
    Optional<ContentView> item = content.previewed(g);
    if (site.isEmpty() || item.isEmpty()) {
      resp.sendError(404);
      return;
    }
    String lang = Localization.resolve(req.getParameter("lang"), site.get().getDefaultLanguage());
    renderer.item(
        resp,
        site.get(),
        item.get(),
        lang,
        ref -> content.current(g.siteKey(), ref),
        g.revision(),
        null);
  }
}
