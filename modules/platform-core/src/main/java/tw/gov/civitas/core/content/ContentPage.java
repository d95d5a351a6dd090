package tw.gov.civitas.core.content;

import java.util.List;

/**
 * One page of a content list, with the total across all pages. Counting stops at {@link
 * ContentQueries#COUNT_LIMIT}: beyond it {@code totalExact} is false and {@code total} is a lower
 * bound (a million-row count would cost more than the page itself).
 */
public record ContentPage(
    List<ContentView> items, long total, boolean totalExact, int page, int size) {}
