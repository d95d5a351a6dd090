package tw.gov.civitas.spi.job;

import java.time.Instant;
import java.util.Optional;

/** One run of a {@link ScheduledJob}. */
public interface JobRun {

  /** The platform clock's time when the run was claimed. */
  Instant now();

  /** When the job last ran (on any node), if ever. */
  Optional<Instant> previousRun();
}
