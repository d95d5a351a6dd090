package tw.gov.civitas.scheduler;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import tw.gov.civitas.core.content.ContentScheduler;

/**
 * Wakes the content scheduler, the webhook dispatcher, plug-in modules' jobs and the mail outbox
 * every {@code civitas.scheduler.interval-seconds} (default 30). The timer itself is not
 * persistent: what is due lives in the database, and the scheduler claims rows with row locks, so a
 * restart loses nothing and two nodes never move the same item twice.
 */
@Startup
@Singleton
@DependsOn("PlatformStartupBean")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchedulerTimer {

  private static final Logger LOG = Logger.getLogger(SchedulerTimer.class.getName());

  @Resource TimerService timers;
  @Inject ContentScheduler scheduler;
  @Inject tw.gov.civitas.core.webhook.WebhookDispatcher webhooks;
  @Inject tw.gov.civitas.runtime.jobs.ModuleJobs moduleJobs;
  @Inject tw.gov.civitas.runtime.mail.MailOutbox mail;

  private final AtomicBoolean running = new AtomicBoolean();

  @PostConstruct
  void start() {
    long seconds = Long.getLong("civitas.scheduler.interval-seconds", 30);
    timers.createIntervalTimer(
        seconds * 1000, seconds * 1000, new TimerConfig("content-scheduler", false));
  }

  @Timeout
  void tick() {
    if (!running.compareAndSet(false, true)) {
      return; // the previous run is still going
    }
    try {
      int moved = scheduler.runDue(Instant.now());
      if (moved > 0) {
        LOG.info(() -> "Scheduler moved " + moved + " item(s)");
      }
      webhooks.dispatchDue(Instant.now());
      moduleJobs.runDue();
      mail.deliverDue();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Scheduled publishing failed; will retry at the next tick", e);
    } finally {
      running.set(false);
    }
  }
}
