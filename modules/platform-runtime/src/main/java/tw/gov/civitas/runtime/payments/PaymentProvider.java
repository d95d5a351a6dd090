package tw.gov.civitas.runtime.payments;

import tw.gov.civitas.spi.runtime.Payments;

/**
 * One payment provider behind the aggregator (台中支付繳費通): where a payer pays and how money goes back.
 * A provider reports outcomes through {@link RuntimePayments#settle}. Chosen by {@code
 * civitas.payments.provider}; a CDI bean, found by its {@link #id}.
 */
public interface PaymentProvider {

  String id();

  /** Where the payer of a new payment pays. */
  String payUrl(Payments.Payment payment);

  /** Sends {@code amount} back to the payer; false when the provider refused. */
  boolean refund(Payments.Payment payment, long amount);
}
