package tw.gov.civitas.editor;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The address an item gets when its author gives none: readable where the title allows. */
final class Slugs {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ItemRow.TAIPEI);

  private Slugs() {}

  /**
   * From an English title ({@code "Bus Route 300 changes"} → {@code bus-route-300-changes}); a
   * title without Latin letters or digits (most Chinese ones) gives the type and the time instead.
   */
  static String suggest(String englishTitle, String type, Instant now) {
    if (englishTitle != null) {
      String s =
          englishTitle
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^a-z0-9]+", "-")
              .replaceAll("^-+|-+$", "");
      if (s.length() > 80) {
        s = s.substring(0, 80).replaceAll("-+$", "");
      }
      if (!s.isEmpty()) {
        return s;
      }
    }
    return type + "-" + STAMP.format(now);
  }
}
