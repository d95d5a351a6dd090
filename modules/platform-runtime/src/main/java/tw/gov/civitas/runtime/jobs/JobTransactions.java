package tw.gov.civitas.runtime.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A job's run in a transaction of its own: its writes and its audit records commit together or not at all. */
@ApplicationScoped
public class JobTransactions {

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void inNewTransaction(Runnable work) {
    work.run();
  }
}
