package tw.gov.civitas.spi;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A region of a site's public pages where page modules appear. A site places page modules in a
 * region by its {@link #key()} ({@code "pageModules": {"home": ["booking.venues"]}} in its settings
 * or its site template).
 */
public enum PageRegion {
  /** The site's home page, below its introduction. */
  HOME,
  /**
   * Nowhere by default: the module appears only where a site's page layout places it (the built-in
   * news lists, carousel, FAQ and the like, which every site arranges its own way).
   */
  LAYOUT;

  /** The region's name in site settings and site templates: {@code home}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<PageRegion> byKey(String key) {
    return Arrays.stream(values()).filter(r -> r.key().equals(key)).findFirst();
  }
}
