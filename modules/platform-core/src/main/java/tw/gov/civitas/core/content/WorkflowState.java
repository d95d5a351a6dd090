package tw.gov.civitas.core.content;

import java.util.Locale;

/** Where an item stands in its review workflow. */
public enum WorkflowState {
  DRAFT,
  IN_REVIEW,
  PUBLISHED,
  UNPUBLISHED,
  ARCHIVED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
