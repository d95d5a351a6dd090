package tw.gov.civitas.runtime.payments;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import tw.gov.civitas.runtime.services.RuntimeConfiguration;
import tw.gov.civitas.spi.event.PaymentEvent;
import tw.gov.civitas.spi.runtime.ConflictException;
import tw.gov.civitas.spi.runtime.InvalidInputException;
import tw.gov.civitas.spi.runtime.NotFoundException;
import tw.gov.civitas.spi.runtime.Payments;
import tw.gov.civitas.spi.runtime.PlatformClock;

/**
 * The SPI's payments: a ledger in the core's {@code payment} table (V16) and the configured
 * provider. An outcome is recorded under the payment's row lock and announced to the modules in the
 * same transaction, so an order and its payment change together or not at all, once.
 */
@ApplicationScoped
public class RuntimePayments implements Payments {

  @Resource(lookup = "java:jboss/datasources/CivitasDS")
  DataSource dataSource;

  @Inject @Any Instance<PaymentProvider> providers;
  @Inject PlatformClock clock;
  @Inject Event<PaymentEvent> outcomes;

  /** The configured provider's id ({@code civitas.payments.provider}, sandbox by default). */
  public static String providerId() {
    return RuntimeConfiguration.setting("civitas.payments.provider")
        .orElse(SandboxPaymentProvider.ID);
  }

  PaymentProvider provider() {
    String id = providerId();
    return providers.stream()
        .filter(p -> p.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No payment provider " + id));
  }

  @Override
  @Transactional
  public Payment open(
      String siteKey,
      String moduleId,
      String order,
      long amount,
      String description,
      String payer) {
    if (amount < 1) {
      throw InvalidInputException.field("amount", "must be at least NT$1");
    }
    String id = UUID.randomUUID().toString();
    Timestamp now = Timestamp.from(clock.now());
    update(
        "insert into payment (id, site_key, module_id, order_ref, amount, state, payer, description,"
            + " provider, created_at, updated_at) values (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?)",
        id,
        siteKey,
        moduleId,
        order,
        amount,
        payer,
        description.length() > 255 ? description.substring(0, 255) : description,
        providerId(),
        now,
        now);
    return find(id).orElseThrow();
  }

  @Override
  public Optional<Payment> find(String paymentId) {
    return select("select * from payment where id = ?", paymentId);
  }

  /**
   * The provider's report of a pending payment's outcome (paid or failed); a payment already
   * decided is a conflict.
   */
  @Transactional
  public Payment settle(String paymentId, State outcome) {
    if (outcome != State.PAID && outcome != State.FAILED) {
      throw InvalidInputException.field("outcome", "is paid or failed");
    }
    Payment p =
        select("select * from payment where id = ? for update", paymentId)
            .orElseThrow(() -> new NotFoundException("No payment " + paymentId));
    if (p.state() != State.PENDING) {
      throw new ConflictException("Payment " + paymentId + " is already " + p.state());
    }
    update(
        "update payment set state = ?, updated_at = ? where id = ?",
        outcome.name(),
        Timestamp.from(clock.now()),
        paymentId);
    Payment settled = find(paymentId).orElseThrow();
    outcomes.fire(new PaymentEvent(settled));
    return settled;
  }

  @Override
  @Transactional
  public Payment refund(String paymentId, long amount) {
    Payment p =
        select("select * from payment where id = ? for update", paymentId)
            .orElseThrow(() -> new NotFoundException("No payment " + paymentId));
    if (p.state() != State.PAID) {
      throw new ConflictException("Payment " + paymentId + " is " + p.state() + ", not paid");
    }
    if (amount < 1 || p.refunded() + amount > p.amount()) {
      throw new ConflictException(
          "A refund of NT$" + amount + " passes what is left of payment " + paymentId);
    }
    if (!provider().refund(p, amount)) {
      throw new ConflictException("The payment provider refused the refund");
    }
    long refunded = p.refunded() + amount;
    update(
        "update payment set refunded = ?, state = ?, updated_at = ? where id = ?",
        refunded,
        refunded == p.amount() ? State.REFUNDED.name() : State.PAID.name(),
        Timestamp.from(clock.now()),
        paymentId);
    Payment after = find(paymentId).orElseThrow();
    outcomes.fire(new PaymentEvent(after));
    return after;
  }

  private Optional<Payment> select(String sql, String id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, id);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        Payment p =
            new Payment(
                r.getString("id"),
                r.getString("site_key"),
                r.getString("module_id"),
                r.getString("order_ref"),
                r.getLong("amount"),
                r.getLong("refunded"),
                State.valueOf(r.getString("state")),
                r.getString("payer"),
                null);
        String url = providerFor(r.getString("provider")).map(pr -> pr.payUrl(p)).orElse(null);
        return Optional.of(
            new Payment(
                p.id(),
                p.siteKey(),
                p.moduleId(),
                p.order(),
                p.amount(),
                p.refunded(),
                p.state(),
                p.payer(),
                url));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Optional<PaymentProvider> providerFor(String id) {
    return providers.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  private void update(String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
