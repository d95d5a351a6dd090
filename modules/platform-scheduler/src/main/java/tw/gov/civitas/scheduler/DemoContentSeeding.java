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
import tw.gov.civitas.core.provisioning.DemoContentRun;

/**
 * Fills the demo sites with demo content once the platform has started, on a timer thread: some
 * 1,600 items take minutes, and the deployment must not wait for them. Only with {@code
 * civitas.demo-data=true}.
 */
@Startup
@Singleton
@DependsOn("PlatformStartupBean")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoContentSeeding {

  @Resource TimerService timers;
  @Inject DemoContentRun run;

  @PostConstruct
  void schedule() {
    if (DemoContentRun.enabled()) {
      timers.createSingleActionTimer(1000, new TimerConfig("demo-content", false));
    }
  }

  /** Each site commits on its own and failures are logged there: nothing here to retry. */
  @Timeout
  void seed() {
    run.seedConfigured();
  }
}
