package tw.gov.civitas.runtime.payments;

import jakarta.enterprise.context.ApplicationScoped;
import tw.gov.civitas.spi.runtime.Payments;

/**
 * The provider of every server but production: nothing is charged; the payer (or a test) decides
 * each payment's outcome on its page {@code /account/payments/sandbox/{id}} (or an app at {@code
 * POST /api/v1/payments/sandbox/{id}}), and refunds succeed at once.
 */
@ApplicationScoped
public class SandboxPaymentProvider implements PaymentProvider {

  public static final String ID = "sandbox";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String payUrl(Payments.Payment payment) {
    return "/account/payments/sandbox/" + payment.id();
  }

  @Override
  public boolean refund(Payments.Payment payment, long amount) {
    return true;
  }
}
