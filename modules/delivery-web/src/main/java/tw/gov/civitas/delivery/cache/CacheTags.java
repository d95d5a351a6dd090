package tw.gov.civitas.delivery.cache;

import jakarta.servlet.ServletRequest;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The tags a public response depends on. A resource that may be cached names them; a change to
 * anything tagged invalidates exactly the responses carrying that tag.
 */
public final class CacheTags {

  static final String ATTRIBUTE = CacheTags.class.getName();

  private CacheTags() {}

  public static String site(String siteKey) {
    return "site:" + siteKey;
  }

  public static String item(String siteKey, String slug) {
    return "item:" + siteKey + "/" + slug;
  }

  /** Every list of a site's content. */
  public static String lists(String siteKey) {
    return "list:" + siteKey;
  }

  /** Every menu of a site (they hide unpublished items, so publishing changes them). */
  public static String menus(String siteKey) {
    return "menus:" + siteKey;
  }

  public static String menu(String siteKey, String menuKey) {
    return "menu:" + siteKey + "/" + menuKey;
  }

  /** Cross-site lists and the site directory. */
  public static final String PLATFORM = "platform";

  /** Marks the current response as cacheable under these tags. */
  @SuppressWarnings("unchecked")
  public static void tag(ServletRequest request, String... tags) {
    Set<String> set = (Set<String>) request.getAttribute(ATTRIBUTE);
    if (set == null) {
      set = new LinkedHashSet<>();
      request.setAttribute(ATTRIBUTE, set);
    }
    set.addAll(Set.of(tags));
  }

  @SuppressWarnings("unchecked")
  static Set<String> of(ServletRequest request) {
    return (Set<String>) request.getAttribute(ATTRIBUTE);
  }
}
