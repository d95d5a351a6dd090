package tw.gov.civitas.spi.job;

import java.time.Duration;
import java.util.Objects;

/**
 * A job a module runs every {@code interval} by the platform clock, declared in {@link
 * tw.gov.civitas.spi.PlatformModule#register}. Built with {@link #builder}.
 */
public final class JobDescriptor {

  private final String id;
  private final Duration interval;
  private final Class<? extends ScheduledJob> job;

  private JobDescriptor(Builder b) {
    this.id = Objects.requireNonNull(b.id, "id");
    if (!id.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+")) {
      throw new IllegalArgumentException(
          "job id must be namespaced, e.g. booking.expire-holds: " + id);
    }
    this.interval = Objects.requireNonNull(b.interval, () -> "job " + id + " needs an interval");
    if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("job " + id + " runs at most every second");
    }
    this.job = Objects.requireNonNull(b.job, () -> "job " + id + " needs its ScheduledJob class");
  }

  /**
   * @param id namespaced by the module, e.g. {@code booking.expire-holds}; stable, it keys the
   *     job's claim
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  public String id() {
    return id;
  }

  public Duration interval() {
    return interval;
  }

  public Class<? extends ScheduledJob> job() {
    return job;
  }

  public String moduleId() {
    return id.substring(0, id.indexOf('.'));
  }

  /** Collects a job's schedule and implementation. */
  public static final class Builder {
    private final String id;
    private Duration interval;
    private Class<? extends ScheduledJob> job;

    private Builder(String id) {
      this.id = id;
    }

    public Builder every(Duration interval) {
      this.interval = interval;
      return this;
    }

    public Builder runs(Class<? extends ScheduledJob> job) {
      this.job = job;
      return this;
    }

    public JobDescriptor build() {
      return new JobDescriptor(this);
    }
  }
}
