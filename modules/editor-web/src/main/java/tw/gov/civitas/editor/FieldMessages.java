package tw.gov.civitas.editor;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services' field messages (English, for API clients) in the editor's language: each known form
 * of message maps to a bundle key whose {0}… are the message's numbers. A message of no known form
 * is shown as it is, never dropped.
 */
final class FieldMessages {

  private static final Map<Pattern, String> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put(Pattern.compile("is required in the site's default language"), "error.required-zh");
    KEYS.put(Pattern.compile("is required.*"), "error.required");
    KEYS.put(Pattern.compile("must be at most (\\d+) characters"), "error.too-long");
    KEYS.put(Pattern.compile("must be one of .*"), "error.one-of");
    KEYS.put(Pattern.compile("must be a number from (-?\\d+) to (-?\\d+)"), "error.number-range");
    KEYS.put(Pattern.compile("must be between (\\S+) and (\\S+)"), "error.between");
    KEYS.put(Pattern.compile("must be an http\\(s\\).*"), "error.url");
    KEYS.put(Pattern.compile("must not point at a loopback.*"), "error.internal-address");
    KEYS.put(Pattern.compile("no (?:image|document|media) '.*' on this site"), "error.no-media");
    KEYS.put(Pattern.compile("no \\S+ '.*' on this site"), "error.no-item");
    KEYS.put(Pattern.compile("must be after publishAt"), "error.unpublish-after");
    KEYS.put(Pattern.compile("must be 1-200 lower-case letters.*"), "error.slug");
    KEYS.put(Pattern.compile("is the address of a page every site has.*"), "error.slug-reserved");
    KEYS.put(Pattern.compile("must be 1-100 letters, digits, spaces.*"), "error.tag");
    KEYS.put(Pattern.compile("must be a date \\(YYYY-MM-DD\\)"), "error.date");
    KEYS.put(Pattern.compile("must be a date-time.*"), "error.date-time");
    KEYS.put(Pattern.compile("must be a whole number.*"), "error.whole-number");
    KEYS.put(Pattern.compile("must be a number.*"), "error.number");
    KEYS.put(Pattern.compile("must have between (\\S+) and (\\S+) entries"), "error.entries");
    KEYS.put(Pattern.compile("needs at least one item.*"), "error.release-items");
    KEYS.put(Pattern.compile("must be 1-64 lower-case letters.*"), "error.site-key");
    KEYS.put(Pattern.compile("must be .*"), "error.form");
    KEYS.put(Pattern.compile("does not have the expected form"), "error.form");
  }

  private FieldMessages() {}

  static String localize(String message, Locale locale) {
    for (Map.Entry<Pattern, String> e : KEYS.entrySet()) {
      Matcher m = e.getKey().matcher(message);
      if (m.matches()) {
        Object[] args = new Object[m.groupCount()];
        for (int i = 0; i < args.length; i++) {
          args[i] = m.group(i + 1);
        }
        return EditorLanguage.text(locale, e.getValue(), args);
      }
    }
    return message;
  }
}
