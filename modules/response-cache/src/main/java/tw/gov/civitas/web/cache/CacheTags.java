package tw.gov.civitas.web.cache;

import jakarta.servlet.ServletRequest;
import java.util.ArrayList;
import java.util.List;
import tw.gov.civitas.core.content.ContentChanged;

/**
 * The tags a public response depends on. A resource that may be cached names every tag its response
 * depends on; a committed change to anything tagged invalidates exactly the responses carrying that
 * tag.
 *
 * <p>Tag <em>before</em> reading what the tag stands for: {@link #tag} records the tag's version at
 * that moment, so a change that commits while the response is rendered leaves it stored under the
 * old version, that is stale (see {@link TagVersions}).
 */
public final class CacheTags {

  static final String ATTRIBUTE = CacheTags.class.getName();

  private CacheTags() {}

  /** A site's settings: names, languages, theme, agency. */
  public static String site(String siteKey) {
    return "site:" + siteKey;
  }

  /** One item's public state (published or not, its published fields, tags and dates). */
  public static String item(String siteKey, String slug) {
    return "item:" + siteKey + "/" + slug;
  }

  /**
   * Lists of a site's content not filtered by type or tag (the sitemap, unfiltered lists,
   * searches).
   */
  public static String lists(String siteKey) {
    return "list:" + siteKey;
  }

  /** Lists of a site's content of one type (feeds, datasets, {@code ?type=}). */
  public static String listsOfType(String siteKey, String type) {
    // a type may be asked for by its id (core::news) or its short name (news): events carry the
    // short name
    int namespace = type.indexOf("::");
    return "list:" + siteKey + "/type:" + (namespace < 0 ? type : type.substring(namespace + 2));
  }

  /** Lists of a site's content with one tag ({@code ?tag=}). */
  public static String listsWithTag(String siteKey, String tag) {
    return "list:" + siteKey + "/tag:" + tag;
  }

  /**
   * The tag of a list filtered by {@code type} and {@code tag} (either may be null). One is enough:
   * whatever changes such a list also changes the lists of its type and the lists with its tag.
   */
  public static String list(String siteKey, String type, String tag) {
    return tag != null
        ? listsWithTag(siteKey, tag)
        : type != null ? listsOfType(siteKey, type) : lists(siteKey);
  }

  public static String menu(String siteKey, String menuKey) {
    return "menu:" + siteKey + "/" + menuKey;
  }

  /** A media file shown on a page (its address and alternative text). */
  public static String media(String siteKey, String mediaId) {
    return "media:" + siteKey + "/" + mediaId;
  }

  /** A plug-in module's data named by the module (its {@code PublicPages} keys). */
  public static String module(String siteKey, String key) {
    return "module:" + siteKey + "/" + key;
  }

  /** The set of sites and their settings: the site directory and cross-site lists. */
  public static final String PLATFORM = "platform";

  /**
   * What a change of an item's public state makes stale: the item (and the pages that show it as a
   * parent or reference), the site's unfiltered lists, the lists of its type and the lists of every
   * tag it had before or has after the change.
   */
  static List<String> changedBy(ContentChanged e) {
    List<String> tags = new ArrayList<>();
    tags.add(item(e.siteKey(), e.slug()));
    tags.add(lists(e.siteKey()));
    tags.add(listsOfType(e.siteKey(), e.type()));
    e.tags().forEach(t -> tags.add(listsWithTag(e.siteKey(), t)));
    return tags;
  }

  /**
   * Marks the current response as cacheable under these tags, recording their versions now. A no-op
   * where the response cache does not take part (previews, signed-in callers).
   */
  public static void tag(ServletRequest request, String... tags) {
    if (request.getAttribute(ATTRIBUTE) instanceof TagVersions versions) {
      versions.record(tags);
    }
  }
}
