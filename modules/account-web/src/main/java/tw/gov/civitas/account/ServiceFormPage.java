package tw.gov.civitas.account;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;
import tw.gov.civitas.security.CallerFactory;
import tw.gov.civitas.spi.CitizenFormDescriptor;
import tw.gov.civitas.spi.FieldDescriptor;
import tw.gov.civitas.spi.runtime.InvalidInputException;

/**
 * {@code /account/services/<site>/<form>}: a plug-in module's citizen form, rendered from its
 * descriptor. The citizen is the one signed in to {@code /account}; every post carries the session's
 * CSRF token (a form another site made the browser send is refused); errors stand next to their
 * fields; a received form redirects to its confirmation (so a reload does not send it twice).
 * Plain HTML, no script.
 */
@WebServlet(urlPatterns = "/services/*")
public class ServiceFormPage extends HttpServlet {

  private static final Pattern PATH = Pattern.compile("/([a-z0-9-]{1,64})/([a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*)");
  private static final String TOKEN = "civitas.csrf";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject Platform platform;
  @Inject SiteRepository sites;
  @Inject CallerFactory callers;

  /** The form and site a path names, if the site enables the form's module. */
  private record Target(Site site, CitizenFormDescriptor form) {}

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Optional<Target> target = open(req, resp);
    if (target.isEmpty()) {
      return;
    }
    Target t = target.get();
    // The confirmation of what this session sent; without one (a shared "done" link) the empty form.
    String received = req.getParameter("done") == null ? null
        : (String) req.getSession().getAttribute(receivedKey(t.form()));
    write(resp, 200, page(t, lang(req), received, null, Map.of(), Map.of(), token(req)));
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    req.setCharacterEncoding(StandardCharsets.UTF_8.name());
    Optional<Target> target = open(req, resp);
    if (target.isEmpty()) {
      return;
    }
    HttpSession session = req.getSession(false);
    String expected = session == null ? null : (String) session.getAttribute(TOKEN);
    String sent = req.getParameter("csrf");
    if (expected == null || sent == null
        || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII))) {
      resp.sendError(403, "This form was not sent from its own page");
      return;
    }
    Target t = target.get();
    Map<String, String> values = new LinkedHashMap<>();
    for (FieldDescriptor f : t.form().fields()) {
      String v = req.getParameter(f.name());
      values.put(f.name(), v == null ? "" : v);
    }
    String lang = lang(req);
    try {
      String received = CDI.current().select(t.form().handler()).get().submit(t.site().getKey(), values);
      session.setAttribute(receivedKey(t.form()), received);
      resp.setStatus(303);
      resp.setHeader("Location", req.getContextPath() + "/services/" + t.site().getKey() + "/" + t.form().id()
          + "?done=1" + ("en".equals(lang) ? "&lang=en" : ""));
    } catch (InvalidInputException e) {
      write(resp, 400, page(t, lang, null, "en".equals(lang) ? "Please correct the fields marked below." : "請修正下列欄位。",
          values, e.fieldErrors(), token(req)));
    }
  }

  /** The form the path names, for a signed-in citizen; empty once a 404 or 403 has been sent. */
  private Optional<Target> open(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Optional<Target> target = target(req);
    if (target.isEmpty()) {
      resp.sendError(404);
      return Optional.empty();
    }
    return citizen(req, resp) ? target : Optional.empty();
  }

  private Optional<Target> target(HttpServletRequest req) {
    Matcher m = req.getPathInfo() == null ? null : PATH.matcher(req.getPathInfo());
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    Optional<CitizenFormDescriptor> form = platform.registry().citizenForm(m.group(2));
    Optional<Site> site = sites.findByKey(m.group(1));
    if (form.isEmpty() || site.isEmpty()
        || !platform.registry().enabledOn(site.get().getEnabledModules(), form.get().moduleId())) {
      return Optional.empty();
    }
    return Optional.of(new Target(site.get(), form.get()));
  }

  /** Only citizens fill citizens' forms (staff accounts sign in to the editor). */
  private boolean citizen(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Optional<Caller> caller = callers.current();
    if (caller.isEmpty() || !caller.get().platformRoles().contains(Caller.CITIZEN)) {
      resp.sendError(403, "Only signed-in citizens may use this form");
      return false;
    }
    return true;
  }

  private static String token(HttpServletRequest req) {
    HttpSession session = req.getSession();
    String token = (String) session.getAttribute(TOKEN);
    if (token == null) {
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      session.setAttribute(TOKEN, token);
    }
    return token;
  }

  private static String receivedKey(CitizenFormDescriptor form) {
    return "civitas.received." + form.id();
  }

  private static String lang(HttpServletRequest req) {
    return "en".equals(req.getParameter("lang")) ? "en" : "zh-TW";
  }

  static String page(Target t, String lang, String received, String summary, Map<String, String> values,
      Map<String, String> errors, String token) {
    boolean en = "en".equals(lang);
    CitizenFormDescriptor form = t.form();
    String title = en && !form.titleEn().isEmpty() ? form.titleEn() : form.titleZh();
    String siteName = t.site().name(lang);
    String base = "/account/services/" + t.site().getKey() + "/" + form.id();
    StringBuilder body = new StringBuilder();
    if (received != null) {
      body.append("<p id=\"received\" role=\"status\">")
          .append(en ? "Received. " : "已收到您的申請。").append(AccountPage.escape(received)).append("</p>")
          .append("<p><a href=\"").append(base).append(en ? "?lang=en" : "").append("\">")
          .append(en ? "Send another" : "再填一份").append("</a></p>");
    } else {
      if (summary != null) {
        body.append("<p id=\"error-summary\" role=\"alert\">").append(AccountPage.escape(summary)).append("</p>");
      }
      body.append("<form method=\"post\" action=\"").append(base).append(en ? "?lang=en" : "").append("\">")
          .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(AccountPage.escape(token)).append("\">");
      for (int i = 0; i < form.fields().size(); i++) {
        FieldDescriptor f = form.fields().get(i);
        String label = en && !form.labelEn(i).isEmpty() ? form.labelEn(i) : form.labelZh(i);
        String error = errors.get(f.name());
        String id = "field-" + f.name();
        body.append("<div class=\"field\"><label for=\"").append(id).append("\">").append(AccountPage.escape(label))
            .append(f.required() ? (en ? " (required)" : "（必填）") : "").append("</label>");
        if (error != null) {
          body.append("<p class=\"field-error\" id=\"").append(id).append("-error\">")
              .append(AccountPage.escape(error)).append("</p>");
        }
        body.append(f.maxLength() > 200 ? "<textarea rows=\"5\"" : "<input type=\"text\"")
            .append(" id=\"").append(id).append("\" name=\"").append(AccountPage.escape(f.name())).append("\"");
        if (f.maxLength() > 0) {
          body.append(" maxlength=\"").append(f.maxLength()).append("\"");
        }
        if (f.required()) {
          body.append(" required");
        }
        if (error != null) {
          body.append(" aria-invalid=\"true\" aria-describedby=\"").append(id).append("-error\"");
        }
        String value = AccountPage.escape(values.getOrDefault(f.name(), ""));
        body.append(f.maxLength() > 200 ? ">" + value + "</textarea>" : " value=\"" + value + "\">").append("</div>");
      }
      body.append("<p><button type=\"submit\" id=\"send\">").append(en ? "Send" : "送出").append("</button></p></form>");
    }
    String other = en ? base : base + "?lang=en";
    return """
        <!DOCTYPE html>
        <html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s | %s</title>
        <style>.field{margin:0 0 1rem}.field label{display:block;font-weight:bold}.field-error,#error-summary{color:#a50000}
        a:focus-visible,input:focus-visible,textarea:focus-visible,button:focus-visible{outline:3px solid #b35900}
        .skip-link{position:absolute;left:-10000px}.skip-link:focus{position:static}</style></head>
        <body><a class="skip-link" href="#C">%s</a>
        <header><a href="#U" id="U" accesskey="U" title="%s">:::</a>
        <p><a href="/sites/%s/%s">%s</a> · <a href="%s" hreflang="%s" lang="%s">%s</a></p></header>
        <main><a href="#C" id="C" accesskey="C" title="%s">:::</a>
        <h1>%s</h1>%s</main>
        <footer><a href="#Z" id="Z" accesskey="Z" title="%s">:::</a>
        <p><a href="/account/">%s</a></p></footer></body></html>
        """.formatted(en ? "en" : "zh-Hant-TW", AccountPage.escape(title), AccountPage.escape(siteName),
        en ? "Skip to main content" : "跳到主要內容區塊", en ? "Upper block" : "上方區塊",
        t.site().getKey(), en ? "?lang=en" : "", AccountPage.escape(siteName), other, en ? "zh-Hant-TW" : "en",
        en ? "zh-Hant-TW" : "en", en ? "中文" : "English", en ? "Main content" : "中央內容區塊",
        AccountPage.escape(title), body, en ? "Lower block" : "下方區塊", en ? "My account" : "我的帳號");
  }

  private static void write(HttpServletResponse resp, int status, String html) throws IOException {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    resp.setStatus(status);
    resp.setContentType("text/html;charset=UTF-8");
    resp.setHeader("Cache-Control", "no-store");
    resp.setHeader("X-Content-Type-Options", "nosniff");
    // The form posts to itself only; inline style is the page's own, no script at all.
    resp.setHeader("Content-Security-Policy", "default-src 'self'; style-src 'unsafe-inline'; script-src 'none';"
        + " form-action 'self'; frame-ancestors 'none'");
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }
}
