package tw.gov.civitas.core.content;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tw.gov.civitas.core.module.CoreModule;

/** A workflow step a person can take on an item, from the states where it is allowed. */
public enum Transition {
  SUBMIT(
      WorkflowState.IN_REVIEW,
      CoreModule.CONTENT_EDIT,
      EnumSet.of(WorkflowState.DRAFT, WorkflowState.UNPUBLISHED)),
  WITHDRAW(WorkflowState.DRAFT, CoreModule.CONTENT_EDIT, EnumSet.of(WorkflowState.IN_REVIEW)),
  /** A reviewer returns an item to its authors with a comment saying what to change. */
  SEND_BACK(WorkflowState.DRAFT, CoreModule.CONTENT_PUBLISH, EnumSet.of(WorkflowState.IN_REVIEW)),
  PUBLISH(
      WorkflowState.PUBLISHED,
      CoreModule.CONTENT_PUBLISH,
      EnumSet.of(
          WorkflowState.DRAFT,
          WorkflowState.IN_REVIEW,
          WorkflowState.UNPUBLISHED,
          WorkflowState.PUBLISHED)),
  UNPUBLISH(
      WorkflowState.UNPUBLISHED, CoreModule.CONTENT_PUBLISH, EnumSet.of(WorkflowState.PUBLISHED)),
  ARCHIVE(
      WorkflowState.ARCHIVED,
      CoreModule.CONTENT_PUBLISH,
      EnumSet.of(WorkflowState.DRAFT, WorkflowState.UNPUBLISHED, WorkflowState.IN_REVIEW));

  private final WorkflowState target;
  private final String permission;
  private final Set<WorkflowState> from;

  Transition(WorkflowState target, String permission, Set<WorkflowState> from) {
    this.target = target;
    this.permission = permission;
    this.from = from;
  }

  public WorkflowState target() {
    return target;
  }

  public String permission() {
    return permission;
  }

  public boolean allowedFrom(WorkflowState state) {
    return from.contains(state);
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<Transition> fromWireName(String name) {
    for (Transition t : values()) {
      if (t.wireName().equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
