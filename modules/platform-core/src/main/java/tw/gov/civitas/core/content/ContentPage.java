package tw.gov.civitas.core.content;

import java.util.List;

/** One page of a content list, with the total across all pages. */
public record ContentPage(List<ContentView> items, long total, int page, int size) {}
