package tw.gov.civitas.spi.event;

import tw.gov.civitas.spi.runtime.Payments;

/**
 * A payment's outcome, fired (as a synchronous CDI event) in the transaction that records it, so a
 * module's order changes with its payment or not at all. Observe it with {@code @Observes
 * PaymentEvent} and look at {@link Payments.Payment#moduleId()} first.
 */
public record PaymentEvent(Payments.Payment payment) {}
