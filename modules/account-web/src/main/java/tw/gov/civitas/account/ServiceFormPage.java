package tw.gov.civitas.account;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tw.gov.civitas.account.CitizenFormSubmissions.Receipt;
import tw.gov.civitas.account.CitizenFormSubmissions.Refused;
import tw.gov.civitas.account.CitizenFormSubmissions.Unavailable;
import tw.gov.civitas.account.CitizenFormSubmissions.Upload;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;
import tw.gov.civitas.security.CallerFactory;
import tw.gov.civitas.spi.CitizenFormDescriptor;
import tw.gov.civitas.spi.CitizenFormPreparation;
import tw.gov.civitas.spi.CitizenFormPreparation.Option;
import tw.gov.civitas.spi.CitizenFormRequest;
import tw.gov.civitas.spi.FieldDescriptor;
import tw.gov.civitas.spi.FieldKind;
import tw.gov.civitas.spi.FileReference;

/**
 * {@code /account/services/<site>/<form>}: a plug-in module's citizen form, rendered from its
 * descriptor. The citizen is the one signed in to {@code /account}; every post carries the
 * session's CSRF token (a form another site made the browser send is refused); errors stand next to
 * their fields; a received form redirects to its confirmation (so a reload does not send it twice).
 * A form with file fields is sent as multipart/form-data: each upload is read up to one byte past
 * its field's limit, checked and stored by {@link CitizenFormSubmissions} in the submission's
 * transaction, and offered back to its owner on the confirmation ({@link PrivateFileDownload}).
 * Plain HTML, no script.
 */
@WebServlet(urlPatterns = "/services/*")
// A file past the platform's limit stops the parse (413 for the whole form); within it, the field's
// own
// limit is checked with the rest of the form, so its message stands next to the field.
@MultipartConfig(
    maxFileSize = FieldDescriptor.FILE_MAX_BYTES,
    maxRequestSize = ServiceFormPage.MAX_REQUEST_BYTES,
    fileSizeThreshold = 256 * 1024)
public class ServiceFormPage extends HttpServlet {

  /** A whole form: a few files at the platform's limit, and its text. */
  static final long MAX_REQUEST_BYTES = 4 * FieldDescriptor.FILE_MAX_BYTES;

  private static final Pattern PATH =
      Pattern.compile("/([a-z0-9-]{1,64})/([a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*)");
  private static final String TOKEN = "civitas.csrf";

  /** Parameters of the page itself, never handed to a handler as the form's context. */
  static final Set<String> OWN_PARAMETERS = Set.of("lang", "done");

  private static final Pattern PARAMETER = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
  private static final int MAX_PARAMETERS = 32;
  private static final int MAX_PARAMETER_CHARS = 1000;
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject Platform platform;
  @Inject SiteRepository sites;
  @Inject CallerFactory callers;
  @Inject CitizenFormSubmissions submissions;

  /** The form and site a path names, if the site enables the form's module. */
  record Target(Site site, CitizenFormDescriptor form) {}

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Optional<Target> target = open(req, resp);
    if (target.isEmpty()) {
      return;
    }
    Target t = target.get();
    String lang = lang(req);
    // The confirmation of what this session sent; without one (a shared "done" link) the empty
    // form.
    Receipt received =
        req.getParameter("done") == null
            ? null
            : (Receipt) req.getSession().getAttribute(receivedKey(t.form()));
    if (received != null) {
      write(resp, 200, page(t, lang, Map.of(), received(t, lang, received)));
      return;
    }
    Map<String, String> linked = linked(req);
    CitizenFormPreparation prepared =
        submissions.prepare(t.form(), new CitizenFormRequest(t.site().getKey(), lang, linked));
    if (prepared.refusal() != null) {
      write(resp, 200, page(t, lang, linked, refusal(t, lang, prepared.refusal())));
      return;
    }
    write(
        resp,
        200,
        page(
            t,
            lang,
            linked,
            form(
                t,
                lang,
                prepared,
                null,
                CitizenFormInput.initial(t.form(), prepared),
                Map.of(),
                token(req))));
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp)
      throws IOException, ServletException {
    req.setCharacterEncoding(StandardCharsets.UTF_8.name());
    Optional<Target> target = open(req, resp);
    if (target.isEmpty()) {
      return;
    }
    Target t = target.get();
    String lang = lang(req);
    boolean en = "en".equals(lang);
    String sentToken;
    try {
      sentToken =
          req.getParameter(
              "csrf"); // a multipart body is parsed here, within @MultipartConfig's limits
    } catch (IllegalStateException e) { // Undertow's answer to a file or body past the limits
      // the body and its context are unread: the form as it is linked without parameters
      CitizenFormPreparation prepared =
          submissions.prepare(t.form(), new CitizenFormRequest(t.site().getKey(), lang, Map.of()));
      write(
          resp,
          413,
          page(
              t,
              lang,
              Map.of(),
              prepared.refusal() != null
                  ? refusal(t, lang, prepared.refusal())
                  : form(
                      t,
                      lang,
                      prepared,
                      en
                          ? "The files sent are too large: each may be at most "
                              + megabytes(FieldDescriptor.FILE_MAX_BYTES)
                              + ". Nothing was stored."
                          : "檔案過大：每個檔案最大 "
                              + megabytes(FieldDescriptor.FILE_MAX_BYTES)
                              + "，未儲存任何資料。",
                      CitizenFormInput.initial(t.form(), prepared),
                      Map.of(),
                      token(req))));
      return;
    } catch (RuntimeException e) {
      resp.sendError(400, "The form's body could not be read"); // not the multipart it says it is
      return;
    }
    if (!tokenMatches(req, sentToken)) {
      resp.sendError(403, "This form was not sent from its own page");
      return;
    }
    Map<String, List<String>> sent = new LinkedHashMap<>();
    Map<String, Upload> uploads = new LinkedHashMap<>();
    for (FieldDescriptor f : t.form().fields()) {
      if (f.kind() == FieldKind.FILE) {
        upload(req, f).ifPresent(u -> uploads.put(f.name(), u));
      } else {
        String[] v = req.getParameterValues(f.name());
        sent.put(f.name(), v == null ? List.of() : List.of(v));
      }
    }
    // what the form carried back besides its fields: the context its preparation gave
    Map<String, String> context = new LinkedHashMap<>();
    for (Map.Entry<String, String[]> p : req.getParameterMap().entrySet()) {
      String name = p.getKey();
      if (!name.equals("csrf")
          && !OWN_PARAMETERS.contains(name)
          && t.form().fields().stream().noneMatch(f -> f.name().equals(name))
          && acceptable(name, p.getValue())) {
        context.put(name, p.getValue()[0]);
      }
    }
    try {
      Receipt received =
          submissions.submit(
              t.form(),
              new CitizenFormRequest(t.site().getKey(), lang, limited(context)),
              callers.current().orElseThrow().username(),
              sent,
              uploads);
      req.getSession().setAttribute(receivedKey(t.form()), received);
      resp.setStatus(303);
      resp.setHeader(
          "Location",
          req.getContextPath()
              + "/services/"
              + t.site().getKey()
              + "/"
              + t.form().id()
              + "?done=1"
              + (en ? "&lang=en" : ""));
    } catch (Unavailable e) {
      // e.g. the day was fully booked meanwhile, or a context no page of the form carries
      write(resp, 409, page(t, lang, Map.of(), refusal(t, lang, e.reason)));
    } catch (Refused e) {
      // what the citizen sent, shown again as sent (several values joined, as the handler gets
      // them)
      Map<String, String> values = new LinkedHashMap<>();
      sent.forEach(
          (name, v) ->
              values.put(
                  name,
                  String.join(
                      CitizenFormInput.SEPARATOR, v.stream().filter(x -> !x.isEmpty()).toList())));
      write(
          resp,
          e.tooLarge ? 413 : 400,
          page(
              t,
              lang,
              e.preparation.context(),
              form(
                  t,
                  lang,
                  e.preparation,
                  en ? "Please correct the fields marked below." : "請修正下列欄位。",
                  values,
                  e.fieldErrors,
                  token(req))));
    }
  }

  /**
   * The query parameters the form was linked with (the platform's own apart): the handler's input
   * for its preparation.
   */
  private static Map<String, String> linked(HttpServletRequest req) {
    Map<String, String> linked = new LinkedHashMap<>();
    for (Map.Entry<String, String[]> p : req.getParameterMap().entrySet()) {
      if (!OWN_PARAMETERS.contains(p.getKey()) && acceptable(p.getKey(), p.getValue())) {
        linked.put(p.getKey(), p.getValue()[0]);
      }
    }
    return limited(linked);
  }

  private static boolean acceptable(String name, String[] values) {
    return PARAMETER.matcher(name).matches()
        && values.length > 0
        && values[0].length() <= MAX_PARAMETER_CHARS;
  }

  /** At most {@link #MAX_PARAMETERS} parameters reach a handler: a link names a few. */
  private static Map<String, String> limited(Map<String, String> parameters) {
    Map<String, String> limited = new LinkedHashMap<>();
    parameters.entrySet().stream()
        .limit(MAX_PARAMETERS)
        .forEach(p -> limited.put(p.getKey(), p.getValue()));
    return limited;
  }

  /**
   * A file field's upload, read up to one byte past its limit; empty when the citizen chose no
   * file.
   */
  private static Optional<Upload> upload(HttpServletRequest req, FieldDescriptor field)
      throws IOException, ServletException {
    Part part =
        req.getContentType() != null && req.getContentType().startsWith("multipart/form-data")
            ? req.getPart(field.name())
            : null;
    if (part == null
        || part.getSubmittedFileName() == null
        || part.getSubmittedFileName().isEmpty() && part.getSize() == 0) {
      return Optional.empty(); // a browser sends an empty part for a file input left empty
    }
    try (InputStream in = part.getInputStream()) {
      return Optional.of(
          new Upload(part.getSubmittedFileName(), in.readNBytes((int) field.maxBytes() + 1)));
    }
  }

  /** The form the path names, for a signed-in citizen; empty once a 404 or 403 has been sent. */
  private Optional<Target> open(HttpServletRequest req, HttpServletResponse resp)
      throws IOException {
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
    if (form.isEmpty()
        || site.isEmpty()
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

  /** Whether a post carries the session's CSRF token (every account page's forms send it). */
  static boolean tokenMatches(HttpServletRequest req, String sentToken) {
    HttpSession session = req.getSession(false);
    String expected = session == null ? null : (String) session.getAttribute(TOKEN);
    return expected != null
        && sentToken != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            sentToken.getBytes(StandardCharsets.US_ASCII));
  }

  /** The session's CSRF token, made on first use. */
  static String token(HttpServletRequest req) {
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

  /**
   * From the address only: reading a parameter would parse a multipart body before its limits are
   * handled.
   */
  private static String lang(HttpServletRequest req) {
    String query = req.getQueryString();
    return query != null && List.of(query.split("&")).contains("lang=en") ? "en" : "zh-TW";
  }

  /** The confirmation of a form received, with the files it took. */
  private static String received(Target t, String lang, Receipt received) {
    boolean en = "en".equals(lang);
    CitizenFormDescriptor form = t.form();
    StringBuilder body = new StringBuilder();
    body.append("<p id=\"received\" role=\"status\">")
        .append(en ? "Received. " : "已收到您的申請。")
        .append(AccountPage.escape(received.text()))
        .append("</p>");
    if (!received.files().isEmpty()) {
      body.append("<p>")
          .append(en ? "Your files (only you can open them):" : "您上傳的檔案（僅限本人開啟）：")
          .append("</p><ul id=\"received-files\">");
      for (FileReference f : received.files()) {
        body.append(PrivateFileDownload.item(form.moduleId(), f));
      }
      body.append("</ul>");
    }
    body.append("<p><a href=\"")
        .append(base(t))
        .append(en ? "?lang=en" : "")
        .append("\">")
        .append(en ? "Send another" : "再填一份")
        .append("</a></p>");
    return body.toString();
  }

  /**
   * Why the form cannot be filled for this request, instead of the form; the way back to the site.
   */
  static String refusal(Target t, String lang, String reason) {
    boolean en = "en".equals(lang);
    return "<p id=\"refusal\">"
        + AccountPage.escape(reason)
        + "</p><p><a id=\"back\" href=\"/sites/"
        + t.site().getKey()
        + "/"
        + (en ? "?lang=en" : "")
        + "\">"
        + (en ? "Back to " : "回到")
        + AccountPage.escape(t.site().name(lang))
        + "</a></p>";
  }

  /**
   * The form as prepared for this request: the error summary when it was returned, the
   * introduction, the context carried back hidden, then each field.
   */
  static String form(
      Target t,
      String lang,
      CitizenFormPreparation prepared,
      String summary,
      Map<String, String> values,
      Map<String, String> errors,
      String token) {
    boolean en = "en".equals(lang);
    CitizenFormDescriptor form = t.form();
    StringBuilder body = new StringBuilder();
    if (summary != null) {
      summary(body, form, en, summary, errors);
    }
    List<String> intro = prepared.intro(lang);
    if (!intro.isEmpty()) {
      body.append("<div id=\"intro\">");
      for (String paragraph : intro) {
        body.append("<p>").append(AccountPage.escape(paragraph)).append("</p>");
      }
      body.append("</div>");
    }
    body.append("<form method=\"post\" action=\"")
        .append(base(t))
        .append(en ? "?lang=en" : "")
        .append("\"")
        .append(form.hasFiles() ? " enctype=\"multipart/form-data\"" : "")
        .append(">")
        .append("<input type=\"hidden\" name=\"csrf\" value=\"")
        .append(AccountPage.escape(token))
        .append("\">");
    prepared
        .context()
        .forEach(
            (name, value) ->
                body.append("<input type=\"hidden\" name=\"")
                    .append(AccountPage.escape(name))
                    .append("\" value=\"")
                    .append(AccountPage.escape(value))
                    .append("\">"));
    for (int i = 0; i < form.fields().size(); i++) {
      FieldDescriptor f = form.fields().get(i);
      field(
          body,
          f,
          label(form, i, en),
          en,
          values.getOrDefault(f.name(), ""),
          CitizenFormInput.options(f, prepared),
          errors.get(f.name()),
          summary != null);
    }
    body.append("<p><button type=\"submit\" id=\"send\">")
        .append(en ? "Send" : "送出")
        .append("</button></p></form>");
    return body.toString();
  }

  private static String base(Target t) {
    return "/account/services/" + t.site().getKey() + "/" + t.form().id();
  }

  /**
   * @param linked the parameters the page was opened with, kept by the link to the other language
   */
  static String page(Target t, String lang, Map<String, String> linked, String body) {
    boolean en = "en".equals(lang);
    CitizenFormDescriptor form = t.form();
    String title = en && !form.titleEn().isEmpty() ? form.titleEn() : form.titleZh();
    String siteName = t.site().name(lang);
    StringBuilder other = new StringBuilder(base(t));
    char sep = '?';
    if (!en) {
      other.append("?lang=en");
      sep = '&';
    }
    for (Map.Entry<String, String> p : linked.entrySet()) {
      other
          .append(sep)
          .append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    return """
        <!DOCTYPE html>
        <html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s | %s</title>
        <style>.field{margin:0 0 1rem}.field label,.field legend{display:block;font-weight:bold}.field-error,#error-summary{color:#a50000}.field-hint{margin:0}
        fieldset.field{border:1px solid #767676;padding:.25rem 1rem .5rem}.field .choice label{display:inline;font-weight:normal}
        .field .choice{margin:.25rem 0}
        #error-summary{border:3px solid #a50000;padding:0 1rem;margin:0 0 1rem}#error-summary h2{font-size:1.1rem}
        #error-summary a{color:#a50000;display:inline-block;min-height:24px;padding:2px 0}#error-summary li{margin:0 0 .25rem}
        a:focus-visible,input:focus-visible,textarea:focus-visible,button:focus-visible{outline:3px solid #b35900}
        .skip-link{position:absolute;left:-10000px}.skip-link:focus{position:static}</style></head>
        <body><a class="skip-link" href="#C">%s</a>
        <header><a href="#U" id="U" accesskey="U" title="%s">:::</a>
        <p><a href="/sites/%s/%s">%s</a> · <a href="%s" hreflang="%s" lang="%s">%s</a></p></header>
        <main><a href="#C" id="C" accesskey="C" title="%s">:::</a>
        <h1>%s</h1>%s</main>
        <footer><a href="#Z" id="Z" accesskey="Z" title="%s">:::</a>
        <p><a href="/account/">%s</a></p></footer></body></html>
        """
        .formatted(
            en ? "en" : "zh-Hant-TW",
            AccountPage.escape(title),
            AccountPage.escape(siteName),
            en ? "Skip to main content" : "跳到主要內容區塊",
            en ? "Upper block" : "上方區塊",
            t.site().getKey(),
            en ? "?lang=en" : "",
            AccountPage.escape(siteName),
            AccountPage.escape(other.toString()),
            en ? "zh-Hant-TW" : "en",
            en ? "zh-Hant-TW" : "en",
            en ? "中文" : "English",
            en ? "Main content" : "中央內容區塊",
            AccountPage.escape(title),
            body,
            en ? "Lower block" : "下方區塊",
            en ? "My account" : "我的帳號");
  }

  private static String label(CitizenFormDescriptor form, int index, boolean en) {
    return en && !form.labelEn(index).isEmpty() ? form.labelEn(index) : form.labelZh(index);
  }

  /** What went wrong, first on the page: each message links to its field. */
  private static void summary(
      StringBuilder body,
      CitizenFormDescriptor form,
      boolean en,
      String summary,
      Map<String, String> errors) {
    body.append("<div id=\"error-summary\" role=\"alert\"><h2>")
        .append(AccountPage.escape(summary))
        .append("</h2>");
    if (!errors.isEmpty()) {
      body.append("<ul>");
      for (int i = 0; i < form.fields().size(); i++) {
        String error = errors.get(form.fields().get(i).name());
        if (error != null) {
          body.append("<li><a href=\"#field-")
              .append(AccountPage.escape(form.fields().get(i).name()))
              .append("\">")
              .append(AccountPage.escape(label(form, i, en)))
              .append(en ? ": " : "：")
              .append(AccountPage.escape(error))
              .append("</a></li>");
        }
      }
      // a handler's message about its context (no field of the page to link to)
      errors.forEach(
          (name, error) -> {
            if (form.fields().stream().noneMatch(f -> f.name().equals(name))) {
              body.append("<li>").append(AccountPage.escape(error)).append("</li>");
            }
          });
      body.append("</ul>");
    }
    body.append("</div>");
  }

  /**
   * One field: its label, its hint and error (both named by aria-describedby), then its input. The
   * element a summary's link names ({@code field-<name>}) is the input, or a choice's first one.
   */
  private static void field(
      StringBuilder body,
      FieldDescriptor f,
      String label,
      boolean en,
      String value,
      List<Option> options,
      String error,
      boolean returned) {
    switch (f.kind()) {
      case BOOLEAN -> box(body, f, label, en, value, error);
      case ENUM -> choice(body, f, label, en, value, options, error);
      default -> input(body, f, label, en, value, error, returned);
    }
  }

  private static String required(FieldDescriptor f, boolean en) {
    return f.required() ? (en ? " (required)" : "（必填）") : "";
  }

  /** The error's paragraph, if any; the ids for aria-describedby ({@code hint} first). */
  private static String error(StringBuilder body, String id, String hint, String error) {
    StringBuilder describedBy = new StringBuilder(hint == null ? "" : hint);
    if (error != null) {
      body.append("<p class=\"field-error\" id=\"")
          .append(id)
          .append("-error\">")
          .append(AccountPage.escape(error))
          .append("</p>");
      describedBy.append(describedBy.length() > 0 ? " " : "").append(id).append("-error");
    }
    return describedBy.toString();
  }

  private static void aria(StringBuilder body, String error, String describedBy) {
    if (error != null) {
      body.append(" aria-invalid=\"true\"");
    }
    if (!describedBy.isEmpty()) {
      body.append(" aria-describedby=\"").append(describedBy).append("\"");
    }
  }

  /** Text, a whole number, a date or a file. */
  private static void input(
      StringBuilder body,
      FieldDescriptor f,
      String label,
      boolean en,
      String value,
      String error,
      boolean returned) {
    String id = "field-" + f.name();
    boolean file = f.kind() == FieldKind.FILE;
    body.append("<div class=\"field\"><label for=\"")
        .append(id)
        .append("\">")
        .append(AccountPage.escape(label))
        .append(f.required() ? required(f, en) : (file ? (en ? " (optional)" : "（選填）") : ""))
        .append("</label>");
    String hint = null;
    if (file) {
      String types =
          String.join(
              en ? ", " : "、", f.mediaTypes().stream().map(PrivateFileDownload::typeName).toList());
      body.append("<p class=\"field-hint\" id=\"")
          .append(id)
          .append("-hint\">")
          .append(
              en
                  ? types + "; at most " + megabytes(f.maxBytes()) + "."
                  : types + " 檔，最大 " + megabytes(f.maxBytes()) + "。")
          .append(
              returned
                  ? (en
                      ? " Files are not kept when a form is returned: choose it again."
                      : "表單退回時不保留檔案，請重新選擇。")
                  : "")
          .append("</p>");
      hint = id + "-hint";
    }
    String describedBy = error(body, id, hint, error);
    boolean area = f.kind() == FieldKind.TEXT && f.maxLength() > 200;
    if (file) {
      body.append("<input type=\"file\" id=\"")
          .append(id)
          .append("\" name=\"")
          .append(AccountPage.escape(f.name()))
          .append("\" accept=\"")
          .append(String.join(",", f.mediaTypes()))
          .append("\"");
    } else {
      body.append(
              switch (f.kind()) {
                case INTEGER -> "<input type=\"number\" inputmode=\"numeric\" step=\"1\"";
                case DATE -> "<input type=\"date\"";
                default -> area ? "<textarea rows=\"5\"" : "<input type=\"text\"";
              })
          .append(" id=\"")
          .append(id)
          .append("\" name=\"")
          .append(AccountPage.escape(f.name()))
          .append("\"");
      if (f.kind() == FieldKind.INTEGER) {
        if (f.min() != null) {
          body.append(" min=\"").append(CitizenFormInput.bound(f.min())).append("\"");
        }
        if (f.max() != null) {
          body.append(" max=\"").append(CitizenFormInput.bound(f.max())).append("\"");
        }
      } else if (f.kind() == FieldKind.TEXT && f.maxLength() > 0) {
        body.append(" maxlength=\"").append(f.maxLength()).append("\"");
      }
    }
    if (f.required()) {
      body.append(" required");
    }
    aria(body, error, describedBy);
    if (file) {
      body.append("></div>");
      return;
    }
    String escaped = AccountPage.escape(value);
    body.append(area ? ">" + escaped + "</textarea>" : " value=\"" + escaped + "\">")
        .append("</div>");
  }

  /** A yes/no box with its label beside it; ticked it sends "true", else nothing. */
  private static void box(
      StringBuilder body, FieldDescriptor f, String label, boolean en, String value, String error) {
    String id = "field-" + f.name();
    body.append("<div class=\"field\">");
    String describedBy = error(body, id, null, error);
    body.append("<div class=\"choice\"><input type=\"checkbox\" id=\"")
        .append(id)
        .append("\" name=\"")
        .append(AccountPage.escape(f.name()))
        .append("\" value=\"true\"")
        .append("true".equals(value) ? " checked" : "")
        .append(f.required() ? " required" : "");
    aria(body, error, describedBy);
    body.append("> <label for=\"")
        .append(id)
        .append("\">")
        .append(AccountPage.escape(label))
        .append(required(f, en))
        .append("</label></div></div>");
  }

  /**
   * A choice: a fieldset named by its legend, radio buttons for one value, boxes for several. The
   * browser's "required" stands on radio buttons only (on boxes it would ask for every one).
   */
  private static void choice(
      StringBuilder body,
      FieldDescriptor f,
      String label,
      boolean en,
      String value,
      List<Option> options,
      String error) {
    String id = "field-" + f.name();
    StringBuilder errorParagraph = new StringBuilder();
    String describedBy = error(errorParagraph, id, null, error);
    body.append("<fieldset class=\"field\"")
        .append(options.isEmpty() ? " id=\"" + id + "\"" : "")
        .append(describedBy.isEmpty() ? "" : " aria-describedby=\"" + describedBy + "\"")
        .append("><legend>")
        .append(AccountPage.escape(label))
        .append(required(f, en))
        .append("</legend>")
        .append(errorParagraph);
    if (options.isEmpty()) {
      body.append("<p>").append(en ? "Nothing to choose from." : "目前沒有可選擇的項目。").append("</p>");
    }
    Set<String> chosen = CitizenFormInput.chosen(value);
    for (int i = 0; i < options.size(); i++) {
      Option o = options.get(i);
      String optionId = i == 0 ? id : id + "-" + (i + 1);
      body.append("<div class=\"choice\"><input type=\"")
          .append(f.multiple() ? "checkbox" : "radio")
          .append("\" id=\"")
          .append(optionId)
          .append("\" name=\"")
          .append(AccountPage.escape(f.name()))
          .append("\" value=\"")
          .append(AccountPage.escape(o.value()))
          .append("\"")
          .append(chosen.contains(o.value()) ? " checked" : "")
          .append(f.required() && !f.multiple() ? " required" : "")
          .append(error != null ? " aria-invalid=\"true\"" : "")
          .append("> <label for=\"")
          .append(optionId)
          .append("\">")
          .append(AccountPage.escape(en ? o.labelEn() : o.labelZh()))
          .append("</label></div>");
    }
    body.append("</fieldset>");
  }

  private static String megabytes(long bytes) {
    long mb = 1024 * 1024;
    return bytes % mb == 0
        ? bytes / mb + " MB"
        : String.format(Locale.ROOT, "%.1f MB", bytes / (double) mb);
  }

  /** An account page: never stored, no script, posting only to itself. */
  static void write(HttpServletResponse resp, int status, String html) throws IOException {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    resp.setStatus(status);
    resp.setContentType("text/html;charset=UTF-8");
    resp.setHeader("Cache-Control", "no-store");
    resp.setHeader("X-Content-Type-Options", "nosniff");
    // The form posts to itself only; inline style is the page's own, no script at all.
    resp.setHeader(
        "Content-Security-Policy",
        "default-src 'self'; style-src 'unsafe-inline'; script-src 'none';"
            + " form-action 'self'; frame-ancestors 'none'");
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }
}
