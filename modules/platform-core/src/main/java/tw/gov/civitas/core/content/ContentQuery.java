package tw.gov.civitas.core.content;

import java.time.Instant;
import java.util.List;

/**
 * A filter over published content.
 *
 * @param sites site keys to search, or empty for every site (cross-site reads are public
 *     aggregation)
 * @param type short type name ({@code news}) or null for all
 * @param tag only items carrying this tag, or null
 * @param from published at or after, or null
 * @param to published before, or null
 * @param sort {@code -publishedAt} (default), {@code publishedAt}, {@code -updatedAt}, {@code
 *     updatedAt}
 * @param page 1-based page number
 * @param size page size, 1-100
 */
public record ContentQuery(
    List<String> sites,
    String type,
    String tag,
    Instant from,
    Instant to,
    String sort,
    int page,
    int size) {

  public static final List<String> SORTS =
      List.of("-publishedAt", "publishedAt", "-updatedAt", "updatedAt");
}
