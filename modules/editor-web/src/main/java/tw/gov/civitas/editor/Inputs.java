package tw.gov.civitas.editor;

/** What the editor's forms and parameters typed, as the services take it. */
final class Inputs {

  private Inputs() {}

  /** The text without surrounding blanks, or null when nothing was typed. */
  static String typed(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** A posted whole number (a row index, a count), or {@code fallback} when it is none. */
  static int number(String s, int fallback) {
    try {
      return s == null ? fallback : Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
