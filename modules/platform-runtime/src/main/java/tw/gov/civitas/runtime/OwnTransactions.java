package tw.gov.civitas.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Work in a transaction of its own: a job's run (its writes and audit records commit together or not
 * at all), and modules' observers of events that fire after another transaction committed, where
 * that transaction can no longer take a connection.
 */
@ApplicationScoped
public class OwnTransactions {

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void run(Runnable work) {
    work.run();
  }
}
