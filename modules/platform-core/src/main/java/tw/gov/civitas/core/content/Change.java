package tw.gov.civitas.core.content;

/**
 * A property that an update may leave alone: it is changed only if the request mentions it, and
 * then to its value, which may be null (for a schedule: none). An edit that does not mention a
 * property never changes it.
 */
public record Change<T>(boolean mentioned, T value) {

  private static final Change<?> KEEP = new Change<>(false, null);

  @SuppressWarnings("unchecked")
  public static <T> Change<T> keep() {
    return (Change<T>) KEEP;
  }

  public static <T> Change<T> to(T value) {
    return new Change<>(true, value);
  }

  /** The value after the update: this one if mentioned, else {@code current}. */
  public T applyTo(T current) {
    return mentioned ? value : current;
  }
}
