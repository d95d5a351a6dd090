package tw.gov.civitas.booking.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import tw.gov.civitas.booking.BookingModule;
import tw.gov.civitas.booking.data.BookingStore;
import tw.gov.civitas.booking.data.VenueStore;
import tw.gov.civitas.booking.model.Booking;
import tw.gov.civitas.booking.model.BookingJson;
import tw.gov.civitas.booking.model.BookingState;
import tw.gov.civitas.booking.model.Venue;
import tw.gov.civitas.spi.event.PaymentEvent;
import tw.gov.civitas.spi.runtime.AuditRecorder;
import tw.gov.civitas.spi.runtime.Payments;
import tw.gov.civitas.spi.runtime.PlatformClock;
import tw.gov.civitas.spi.runtime.PublicPages;

/**
 * A booking's fee through the platform's payments: opened when the booking is confirmed or
 * approved, and the booking paid in the very transaction that records the payment's outcome.
 */
@ApplicationScoped
public class BookingPayments {

  @Inject Payments payments;
  @Inject BookingStore bookings;
  @Inject VenueStore venues;
  @Inject PlatformClock clock;
  @Inject AuditRecorder audit;
  @Inject BookingMails mails;
  @Inject PublicPages pages;

  /** Opens the booking's payment; the booking as it is then. */
  Booking open(Booking b, Venue v) {
    Payments.Payment p =
        payments.open(
            b.siteKey(),
            BookingModule.ID,
            b.number(),
            b.fee(),
            "場地租借 " + v.nameZh() + " " + b.number(),
            b.applicant());
    bookings.payment(b.id(), p.id(), clock.now());
    return bookings.find(b.siteKey(), b.number()).orElseThrow();
  }

  /** Where the booking's fee is paid: its open payment, or a new one after a failed attempt. */
  Payments.Payment payable(Booking b, Venue v) {
    if (b.paymentId() != null) {
      Payments.Payment p = payments.find(b.paymentId()).orElseThrow();
      if (p.state() == Payments.State.PENDING) {
        return p;
      }
    }
    return payments.find(open(b, v).paymentId()).orElseThrow();
  }

  /** Where the booking's open payment is paid, as a link for a mail; null when none is open. */
  String payLink(Booking b) {
    if (b.paymentId() == null) {
      return null;
    }
    return payments
        .find(b.paymentId())
        .filter(p -> p.state() == Payments.State.PENDING && p.payUrl() != null)
        .map(p -> p.payUrl().startsWith("/") ? mails.origin(b.siteKey()) + p.payUrl() : p.payUrl())
        .orElse(null);
  }

  void outcome(@Observes PaymentEvent e) {
    Payments.Payment p = e.payment();
    if (!BookingModule.ID.equals(p.moduleId())) {
      return;
    }
    bookings
        .byPayment(p.id())
        .ifPresent(
            b -> {
              Venue v = venues.find(b.siteKey(), b.venueId()).orElseThrow();
              if (p.state() == Payments.State.PAID && b.state().mayBecome(BookingState.PAID)) {
                bookings.paid(b.id(), (int) p.amount(), clock.now());
                Booking paid = bookings.find(b.siteKey(), b.number()).orElseThrow();
                pages.changed(b.siteKey(), v.cacheKey());
                mails.about(paid, v, "已完成付款", "Your payment is received", null);
                audit.record(
                    b.siteKey(),
                    "booking.booking.paid",
                    "booking",
                    b.number(),
                    BookingJson.write(b, v).toString(),
                    BookingJson.write(paid, v).toString());
              } else if (p.state() == Payments.State.PAID && p.refunded() == 0) {
                // paid after the booking ended (cancelled while the payer was paying): all back
                payments.refund(p.id(), p.amount());
                mails.about(b, v, "款項已全額退回", "Your payment is refunded", b.state().wire());
                audit.record(
                    b.siteKey(),
                    "booking.booking.payment-refunded",
                    "booking",
                    b.number(),
                    null,
                    jakarta.json.Json.createObjectBuilder()
                        .add("payment", p.id())
                        .add("amount", p.amount())
                        .build()
                        .toString());
              } else if (p.state() == Payments.State.FAILED) {
                mails.about(
                    b, v, "付款未成功", "Your payment did not go through", "請再試一次 Please try again");
                audit.record(
                    b.siteKey(),
                    "booking.booking.payment-failed",
                    "booking",
                    b.number(),
                    null,
                    "{\"payment\": \"" + p.id() + "\"}");
              }
            });
  }
}
