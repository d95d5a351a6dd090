package tw.gov.civitas.editor;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The language of the editor's screens: Traditional Chinese unless the user chose English (a {@code
 * lang} parameter, remembered in a cookie by {@link EditorLanguageFilter}). Every label of a screen
 * comes from the one bundle of that language, never two side by side.
 */
@Named("lang")
@RequestScoped
public class EditorLanguage {

  static final String COOKIE = "civitas-editor-lang";
  static final Locale ZH = Locale.forLanguageTag("zh-TW");
  static final String BUNDLE = "tw.gov.civitas.editor.Messages";

  private Locale locale;

  /** zh-TW or en, as the request or the cookie says. */
  static Locale of(HttpServletRequest req) {
    String asked = req.getParameter("lang");
    if (asked == null && req.getCookies() != null) {
      for (Cookie c : req.getCookies()) {
        if (COOKIE.equals(c.getName())) {
          asked = c.getValue();
        }
      }
    }
    return "en".equals(asked) ? Locale.ENGLISH : ZH;
  }

  public Locale getLocale() {
    if (locale == null) {
      locale =
          of(
              (HttpServletRequest)
                  FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }
    return locale;
  }

  public boolean isEnglish() {
    return Locale.ENGLISH.equals(getLocale());
  }

  /** The value of the pages' {@code lang} attribute. */
  public String getHtml() {
    return isEnglish() ? "en" : "zh-Hant-TW";
  }

  /** The content language tag a site's text is read in first. */
  public String getContent() {
    return isEnglish() ? "en" : "zh-TW";
  }

  /** This page in the other language: the same address and parameters, with {@code lang}. */
  public String getSwitchHref() {
    HttpServletRequest req =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    String uri = (String) req.getAttribute("jakarta.servlet.forward.request_uri");
    if (uri == null) {
      uri = req.getRequestURI();
    }
    String query =
        req.getParameterMap().entrySet().stream()
            .filter(e -> isQueryParameter(e.getKey()))
            .flatMap(e -> java.util.Arrays.stream(e.getValue()).map(v -> pair(e.getKey(), v)))
            .collect(Collectors.joining("&"));
    return uri
        + "?"
        + (query.isEmpty() ? "" : query + "&")
        + "lang="
        + (isEnglish() ? "zh-TW" : "en");
  }

  /** The view's own GET parameters, not a form post's fields. */
  private static boolean isQueryParameter(String name) {
    return !name.equals("lang")
        && !name.contains(":")
        && !name.startsWith("jakarta.faces")
        && !name.startsWith("f-")
        && !name.equals("pick");
  }

  private static String pair(String k, String v) {
    return URLEncoder.encode(k, StandardCharsets.UTF_8)
        + "="
        + URLEncoder.encode(v, StandardCharsets.UTF_8);
  }

  /** One of two texts, by the screen's language (for names stored in both). */
  public String pick(String zh, String en) {
    return isEnglish() && en != null && !en.isBlank() ? en : zh;
  }

  /** A message of the screen's language, with its {0}-style arguments. */
  public String text(String key, Object... args) {
    return text(getLocale(), key, args);
  }

  static String text(Locale locale, String key, Object... args) {
    ResourceBundle b = ResourceBundle.getBundle(BUNDLE, locale);
    String pattern = b.containsKey(key) ? b.getString(key) : key;
    return args.length == 0 ? pattern : new java.text.MessageFormat(pattern, locale).format(args);
  }

  /** Whether the bundle has the key (field labels fall back to the field's name). */
  static boolean has(Locale locale, String key) {
    return ResourceBundle.getBundle(BUNDLE, locale).containsKey(key);
  }
}
