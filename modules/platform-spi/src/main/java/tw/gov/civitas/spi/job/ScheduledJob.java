package tw.gov.civitas.spi.job;

/**
 * Work a module runs on a schedule ({@link JobDescriptor}). The implementation is a CDI bean in the
 * module's jar. The platform runs each due job once per cluster (a database claim, as scheduled
 * publishing does), inside a transaction of its own, as the user {@code system:<module>}; a job
 * that throws is logged and tried again at its next time, and never holds up other jobs.
 */
public interface ScheduledJob {

  void run(JobRun run);
}
