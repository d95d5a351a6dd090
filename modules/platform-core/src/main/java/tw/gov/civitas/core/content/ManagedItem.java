package tw.gov.civitas.core.content;

/**
 * An item as its site's editors list it: at its current revision, with who wrote that revision and
 * who created the item.
 */
public record ManagedItem(ContentView item, String author, String createdBy) {

  /** The title in {@code language}, else in another language, else the slug. */
  public String title(String language) {
    return ContentView.title(item, language);
  }
}
