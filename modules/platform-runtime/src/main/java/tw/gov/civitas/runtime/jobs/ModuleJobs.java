package tw.gov.civitas.runtime.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.runtime.services.Actors;
import tw.gov.civitas.runtime.services.AdjustableClock;
import tw.gov.civitas.runtime.services.RuntimeModuleDatabase;
import tw.gov.civitas.spi.job.JobDescriptor;
import tw.gov.civitas.spi.job.JobRun;
import tw.gov.civitas.spi.job.ScheduledJob;

/**
 * Runs modules' due jobs, each once per cluster: a node claims a run by moving the job's {@code
 * next_run_at} forward and taking a lease in one conditional update, so of two nodes that wake
 * together exactly one sees its update count as 1. Time is the platform clock's.
 */
@ApplicationScoped
public class ModuleJobs {

  private static final Logger LOG = Logger.getLogger(ModuleJobs.class.getName());

  /** Longer than a run may take; a node that dies mid-run frees the job when the lease ends. */
  static final Duration LEASE = Duration.ofMinutes(10);

  @Inject Platform platform;
  @Inject RuntimeModuleDatabase database;
  @Inject AdjustableClock clock;
  @Inject tw.gov.civitas.runtime.OwnTransactions transactions;

  record Run(Instant now, Optional<Instant> previousRun) implements JobRun {}

  /** Runs every due job once; returns how many ran. Called by the platform's timer. */
  public int runDue() {
    int ran = 0;
    for (JobDescriptor job : platform.registry().jobs()) {
      Instant now = clock.now();
      Optional<Optional<Instant>> claimed = claim(job, now);
      if (claimed.isEmpty()) {
        continue;
      }
      ran++;
      String error = null;
      try {
        ScheduledJob bean = CDI.current().select(job.job()).get();
        Run run = new Run(now, claimed.get());
        Actors.runAs(job.moduleId(), () -> transactions.run(() -> bean.run(run)));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Job " + job.id() + " failed; it runs again at its next time", e);
        error = String.valueOf(e.getMessage());
      }
      finish(job, now, error);
    }
    return ran;
  }

  /**
   * Claims the job's run due at {@code now}; present (with the previous run's time) if this node
   * won it.
   */
  private Optional<Optional<Instant>> claim(JobDescriptor job, Instant now) {
    try (Connection c = database.dataSource().getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "insert into module_job (job_id, next_run_at) values (?, ?)"
                  + " on conflict (job_id) do nothing")) {
        s.setString(1, job.id());
        s.setTimestamp(2, Timestamp.from(now));
        s.executeUpdate();
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "update module_job set next_run_at = ?, claimed_until = ?"
                  + " where job_id = ? and next_run_at <= ? and (claimed_until is null or claimed_until < ?)"
                  + " returning last_run_at")) {
        s.setTimestamp(1, Timestamp.from(now.plus(job.interval())));
        s.setTimestamp(2, Timestamp.from(now.plus(LEASE)));
        s.setString(3, job.id());
        s.setTimestamp(4, Timestamp.from(now));
        s.setTimestamp(5, Timestamp.from(now));
        try (ResultSet r = s.executeQuery()) {
          if (!r.next()) {
            return Optional.empty();
          }
          Timestamp last = r.getTimestamp(1);
          return Optional.of(Optional.ofNullable(last).map(Timestamp::toInstant));
        }
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Could not claim job " + job.id(), e);
      return Optional.empty();
    }
  }

  private void finish(JobDescriptor job, Instant ranAt, String error) {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "update module_job set last_run_at = ?, claimed_until = null, last_error = ? where job_id = ?")) {
      s.setTimestamp(1, Timestamp.from(ranAt));
      s.setString(2, error == null ? null : error.substring(0, Math.min(500, error.length())));
      s.setString(3, job.id());
      s.executeUpdate();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Could not record the run of job " + job.id(), e);
    }
  }
}
