package tw.gov.civitas.runtime.services;

import java.util.Optional;
import tw.gov.civitas.core.security.Caller;

/**
 * Who acts on a thread that serves no request: a module's job runs as {@code system:<module>}. The
 * job runner sets it for the length of a run; everything else asks the request.
 */
public final class Actors {

  private static final ThreadLocal<Caller> SYSTEM = new ThreadLocal<>();

  private Actors() {}

  public static Optional<Caller> system() {
    return Optional.ofNullable(SYSTEM.get());
  }

  /** Runs {@code work} as the module's system user. */
  public static void runAs(String moduleId, Runnable work) {
    Caller previous = SYSTEM.get();
    SYSTEM.set(new Caller("system:" + moduleId, java.util.Set.of(), java.util.Map.of(), null));
    try {
      work.run();
    } finally {
      if (previous == null) {
        SYSTEM.remove();
      } else {
        SYSTEM.set(previous);
      }
    }
  }
}
