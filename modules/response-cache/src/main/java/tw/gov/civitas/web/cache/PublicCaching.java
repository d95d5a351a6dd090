package tw.gov.civitas.web.cache;

/**
 * What browsers and shared caches (a CDN, a reverse proxy) may do with a public response. The
 * origin's promise is that a committed change is visible on the next request; browsers must ask
 * again every time ({@code max-age=0, must-revalidate}: a cheap 304 with the ETag), and a shared
 * cache may serve a response without asking for {@code civitas.cache.shared-max-age} seconds (env
 * {@code CIVITAS_CACHE_SHARED_MAX_AGE}, default 0: it revalidates too), which is then how long a
 * change may take to reach readers behind it.
 */
public final class PublicCaching {

  static final String PROPERTY = "civitas.cache.shared-max-age";
  static final String VARIABLE = "CIVITAS_CACHE_SHARED_MAX_AGE";

  private static final String CACHE_CONTROL =
      cacheControl(System.getProperty(PROPERTY, System.getenv(VARIABLE)));

  private PublicCaching() {}

  /**
   * The {@code Cache-Control} of every public response, hit or miss: JSON, pages, feeds, datasets.
   */
  public static String cacheControl() {
    return CACHE_CONTROL;
  }

  static String cacheControl(String sharedMaxAge) {
    int seconds;
    try {
      seconds =
          sharedMaxAge == null || sharedMaxAge.isBlank()
              ? 0
              : Integer.parseInt(sharedMaxAge.strip());
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (seconds < 0) {
      throw new IllegalStateException(
          VARIABLE
              + " ("
              + PROPERTY
              + ") must be a number of seconds, 0 or more: got '"
              + sharedMaxAge
              + "'");
    }
    return seconds == 0
        ? "public, max-age=0, must-revalidate"
        : "public, max-age=0, s-maxage=" + seconds + ", must-revalidate";
  }
}
