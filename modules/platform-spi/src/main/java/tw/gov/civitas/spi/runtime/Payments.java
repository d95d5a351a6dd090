package tw.gov.civitas.spi.runtime;

import java.util.Optional;

/**
 * Fees through the city's payment aggregator (台中支付繳費通), whose providers the platform is configured
 * with ({@code civitas.payments.provider}; {@code sandbox} everywhere but production, where nothing
 * is charged and a test or a demo decides each payment's outcome). A module opens a payment for one
 * of its orders and learns its outcome from a {@link tw.gov.civitas.spi.event.PaymentEvent}, in the
 * transaction that records it.
 */
public interface Payments {

  /** Where a payment stands. */
  enum State {
    PENDING,
    PAID,
    FAILED,
    REFUNDED
  }

  /**
   * @param id the platform's payment id
   * @param order the module's own reference (a booking number)
   * @param amount New Taiwan dollars
   * @param refunded dollars refunded so far
   * @param payUrl where the payer pays (the provider's page)
   */
  record Payment(
      String id,
      String siteKey,
      String moduleId,
      String order,
      long amount,
      long refunded,
      State state,
      String payer,
      String payUrl) {}

  /**
   * Opens a payment for the current transaction's module order, payable by {@code payer} (a
   * citizen's user name).
   *
   * @throws InvalidInputException for an amount below 1
   */
  Payment open(
      String siteKey, String moduleId, String order, long amount, String description, String payer);

  Optional<Payment> find(String paymentId);

  /**
   * Refunds part or all of a paid payment.
   *
   * @throws ConflictException when it is not paid or the amount passes what is left
   */
  Payment refund(String paymentId, long amount);
}
