package tw.gov.civitas.core.net;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a link stored by an editor may point: a web page ({@code http}/{@code https} with a host),
 * an e-mail address ({@code mailto:}), a phone number ({@code tel:}) or a path on the site. Menus
 * and {@code URL} content fields both decide with it, so that no link a delivery client puts into
 * an {@code href} can run script ({@code javascript:}, {@code data:}, {@code vbscript:}) or break
 * out of the attribute.
 */
public final class LinkTarget {

  public static final String RULE =
      "must be an http(s), mailto: or tel: URL, or a path on this site";
  public static final int MAX_LENGTH = 2000;

  private static final Set<String> SCHEMES = Set.of("http", "https", "mailto", "tel");
  private static final Pattern SCHEME =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):.*", Pattern.DOTALL);

  /** A host is required; user info ({@code https://trusted.example@evil.example}) only misleads. */
  private static final Pattern WEB =
      Pattern.compile("(?i)https?://[^/?#@]+(?:[/?#].*)?", Pattern.DOTALL);

  private static final Pattern MAIL = Pattern.compile("(?i)mailto:[^@]+@[^@]+");

  /**
   * An HTML character reference: a client that writes the link unescaped would decode it into a
   * scheme.
   */
  private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&(#|[A-Za-z][A-Za-z0-9]*;)");

  private static final Pattern PHONE = Pattern.compile("(?i)tel:\\+?[0-9][0-9().-]{0,39}");

  private LinkTarget() {}

  /** Whether {@code url}, exactly as given (no trimming), may be the target of a stored link. */
  public static boolean isAllowed(String url) {
    if (url == null || url.isEmpty() || url.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      // Whitespace and controls hide a scheme from a naive check (browsers drop them); quotes,
      // angle
      // brackets and backslashes break out of an attribute or are read as '/' by browsers.
      if (c <= 0x20
          || c >= 0x7f && c <= 0x9f
          || Character.isWhitespace(c)
          || Character.isSpaceChar(c)
          || "\"<>\\`".indexOf(c) >= 0) {
        return false;
      }
    }
    if (CHARACTER_REFERENCE.matcher(url).find()) {
      return false;
    }
    var scheme = SCHEME.matcher(url);
    if (!scheme.matches()) {
      // A relative reference: a path on this site, but not "//host" (another site) and no colon in
      // its
      // first segment, which a browser could read as a scheme once entities or escapes are decoded.
      if (url.startsWith("//")) {
        return false;
      }
      int end = firstOf(url, "/?#");
      return url.substring(0, end).indexOf(':') < 0;
    }
    String name = scheme.group(1).toLowerCase(Locale.ROOT);
    if (!SCHEMES.contains(name)) {
      return false;
    }
    return switch (name) {
      case "http", "https" -> WEB.matcher(url).matches();
      case "mailto" -> MAIL.matcher(url).matches();
      default -> PHONE.matcher(url).matches();
    };
  }

  private static int firstOf(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }
}
