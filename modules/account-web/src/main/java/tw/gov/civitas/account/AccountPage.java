package tw.gov.civitas.account;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.wildfly.security.http.oidc.IDToken;
import org.wildfly.security.http.oidc.OidcPrincipal;
import tw.gov.civitas.core.module.ModuleRegistry;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.security.CallerFactory;
import tw.gov.civitas.spi.FileReference;
import tw.gov.civitas.spi.runtime.PrivateFiles;

/**
 * {@code /account/}: a citizen's one sign-in for every Civitas site and service. Reached from any
 * site's "sign in" link as {@code /account/return/sites/<site>/<page>}; sends the citizen back
 * there once signed in. Lists the citizen's own private files (their uploads to every module's
 * forms). Plain HTML, no script: works without JavaScript.
 */
@WebServlet(urlPatterns = {"", "/return/*", "/return-en/*"})
public class AccountPage extends HttpServlet {

  @Inject Platform platform;
  @Inject CallerFactory callers;
  @Inject PrivateFiles privateFiles;

  /**
   * Only a site page of this platform: an open redirect would let a phishing link borrow our login.
   */
  static final Pattern LOCAL_PATH = Pattern.compile("/sites/[a-z0-9-]{1,64}/[a-z0-9-]{0,200}");

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    // The page to go back to travels in the path: the sign-in round trip keeps the path, not the
    // query.
    String ret = req.getPathInfo();
    if (ret != null && LOCAL_PATH.matcher(ret).matches()) {
      resp.sendRedirect(ret + ("/return-en".equals(req.getServletPath()) ? "?lang=en" : ""));
      return;
    }
    String name = req.getUserPrincipal() == null ? "" : req.getUserPrincipal().getName();
    String display = name;
    if (req.getUserPrincipal() instanceof OidcPrincipal<?> p
        && p.getOidcSecurityContext() != null) {
      IDToken id = p.getOidcSecurityContext().getIDToken();
      if (id != null && id.getName() != null) {
        display = id.getName();
      }
    }
    StringBuilder files = new StringBuilder();
    Optional<Caller> caller = callers.current();
    if (caller.isPresent()) {
      for (ModuleRegistry.Registration r : platform.registry().registrations()) {
        for (FileReference f : privateFiles.ownedBy(r.module().id(), caller.get().username())) {
          files.append(PrivateFileDownload.item(r.module().id(), f));
        }
      }
    }
    String html =
        """
        <!DOCTYPE html>
        <html lang="zh-Hant-TW"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>我的帳號 My account | 臺中市政府</title></head>
        <body><a href="#C">跳到主要內容區塊</a>
        <main id="C"><h1>我的帳號 <span lang="en">My account</span></h1>
        <p id="signed-in-as">已登入 <span lang="en">Signed in as</span>: <strong>%s</strong> (%s)</p>
        <p>一次登入，即可使用本市所有網站與線上服務。<span lang="en">One sign-in for every city site and service.</span></p>
        %s<p><a id="sign-out" href="/account/logout">登出 <span lang="en">Sign out</span></a></p>
        </main></body></html>
        """
            .formatted(
                escape(display),
                escape(name),
                files.isEmpty()
                    ? ""
                    : "<h2>我的檔案 <span lang=\"en\">My files</span></h2><p>僅限本人開啟。<span lang=\"en\">Only you can open"
                        + " them.</span></p><ul id=\"my-files\">"
                        + files
                        + "</ul>");
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    resp.setContentType("text/html;charset=UTF-8");
    resp.setHeader("Cache-Control", "no-store");
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setHeader(
        "Content-Security-Policy", "default-src 'self'; script-src 'none'; frame-ancestors 'none'");
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
