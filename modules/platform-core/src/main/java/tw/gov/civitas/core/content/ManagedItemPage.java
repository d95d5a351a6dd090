package tw.gov.civitas.core.content;

import java.util.List;

/** One page of an editor's item list, with the number of items matching across all pages. */
public record ManagedItemPage(List<ManagedItem> items, long total, int page, int size) {}
