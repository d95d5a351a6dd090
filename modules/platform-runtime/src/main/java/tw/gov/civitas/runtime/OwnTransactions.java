package tw.gov.civitas.runtime;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Work beside the caller's transaction: in a transaction of its own (a job's run, whose writes and
 * audit records commit together or not at all; modules' observers of events that fire after another
 * transaction committed, when it can no longer take a connection), or once the caller's commits
 * (mail, events for other modules), so that a write that rolls back has no such effect.
 */
@ApplicationScoped
public class OwnTransactions {

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void run(Runnable work) {
    work.run();
  }

  /**
   * Runs {@code work} when the current transaction commits (never if it rolls back); without one,
   * now.
   */
  public void afterCommit(Runnable work) {
    if (transactions == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      work.run();
      return;
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              work.run();
            }
          }
        });
  }
}
