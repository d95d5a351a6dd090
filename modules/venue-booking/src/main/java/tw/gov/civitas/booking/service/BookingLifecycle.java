package tw.gov.civitas.booking.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import tw.gov.civitas.booking.BookingModule;
import tw.gov.civitas.booking.data.BookingStore;
import tw.gov.civitas.booking.data.VenueStore;
import tw.gov.civitas.booking.model.Booking;
import tw.gov.civitas.booking.model.BookingJson;
import tw.gov.civitas.booking.model.BookingState;
import tw.gov.civitas.booking.model.Fees;
import tw.gov.civitas.booking.model.Venue;
import tw.gov.civitas.spi.runtime.AuditRecorder;
import tw.gov.civitas.spi.runtime.Authorization;
import tw.gov.civitas.spi.runtime.ConflictException;
import tw.gov.civitas.spi.runtime.CurrentUser;
import tw.gov.civitas.spi.runtime.InvalidInputException;
import tw.gov.civitas.spi.runtime.NotFoundException;
import tw.gov.civitas.spi.runtime.Payments;
import tw.gov.civitas.spi.runtime.PlatformClock;
import tw.gov.civitas.spi.runtime.PublicPages;

/**
 * A booking after its request: the agency approves or rejects it, marks it used or a no-show; the
 * citizen (or the agency) cancels it, with the refund its venue's rules give, and the freed slots
 * go to the waitlist. A step {@link BookingState} does not allow is a conflict.
 */
@ApplicationScoped
public class BookingLifecycle {

  @Inject BookingStore bookings;
  @Inject VenueStore venues;
  @Inject Authorization authorization;
  @Inject CurrentUser user;
  @Inject PlatformClock clock;
  @Inject AuditRecorder audit;
  @Inject BookingMails mails;
  @Inject PublicPages pages;
  @Inject BookingPayments payments;
  @Inject Payments ledger;
  @Inject Waitlists waitlists;

  /** The agency's decision on a booking. */
  public enum Decision {
    APPROVE,
    REJECT,
    USED,
    NO_SHOW
  }

  @Transactional
  public Booking decide(String siteKey, String number, Decision decision, String message) {
    authorization.require(siteKey, BookingModule.DECIDE);
    if (message != null && message.length() > 1000) {
      throw InvalidInputException.field("message", "最多 1000 字 At most 1000 characters");
    }
    Booking b = locked(siteKey, number);
    Venue v = venues.find(siteKey, b.venueId()).orElseThrow();
    BookingState next =
        switch (decision) {
          case APPROVE -> BookingState.APPROVED;
          case REJECT -> BookingState.REJECTED;
          case USED -> BookingState.USED;
          case NO_SHOW -> BookingState.NO_SHOW;
        };
    require(b, next);
    Instant now = clock.now();
    if ((next == BookingState.USED || next == BookingState.NO_SHOW) && now.isBefore(b.startsAt())) {
      throw new ConflictException(
          "預約尚未開始 Booking " + number + " has not started: it is not used or missed yet");
    }
    if (next == BookingState.REJECTED && (message == null || message.isBlank())) {
      throw InvalidInputException.field("message", "請說明理由 Say why the request is rejected");
    }
    bookings.transition(b.id(), next, message == null ? null : message.strip(), now);
    Booking after = bookings.find(siteKey, number).orElseThrow();
    if (next == BookingState.APPROVED && after.fee() > 0) {
      after = payments.open(after, v);
    }
    if (next == BookingState.REJECTED) {
      waitlists.freed(after, v);
    }
    pages.changed(siteKey, v.cacheKey());
    switch (next) {
      case APPROVED ->
          mails.about(
              after,
              v,
              "預約已核准",
              "Your booking is approved",
              (message == null ? "" : message + " ")
                  + (after.fee() > 0 ? "請付款 Please pay: " + payments.payLink(after) : ""));
      case REJECTED -> mails.about(after, v, "預約未核准", "Your booking request is rejected", message);
      default -> {}
    }
    audit.record(
        siteKey,
        "booking.booking." + next.wire().replace('_', '-'),
        "booking",
        number,
        BookingJson.write(b, v).toString(),
        BookingJson.write(after, v).toString());
    return after;
  }

  /**
   * Cancels a holding booking: by its applicant (their own only) or by the agency's staff. A paid
   * fee goes back by the venue's refund share before its cancellation deadline, none after.
   */
  @Transactional
  public Booking cancel(String siteKey, String number, String reason) {
    Booking b = locked(siteKey, number);
    boolean staff = authorization.holds(siteKey, BookingModule.DECIDE);
    if (!staff && !user.username().map(b.applicant()::equals).orElse(false)) {
      throw new NotFoundException("No booking " + number + " of yours on this site");
    }
    require(b, BookingState.CANCELLED);
    Venue v = venues.find(siteKey, b.venueId()).orElseThrow();
    Instant now = clock.now();
    if (!now.isBefore(b.startsAt())) {
      throw new ConflictException(
          "預約已開始 Booking " + number + " has started: it cannot be cancelled");
    }
    boolean beforeDeadline =
        now.isBefore(b.startsAt().minus(Duration.ofHours(v.rules().cancelDeadlineHours())));
    // the agency cancelling (a blackout, a mistake) refunds in full
    int refund =
        staff && !user.username().map(b.applicant()::equals).orElse(false)
            ? b.paidAmount()
            : Fees.refund(v, b.paidAmount(), beforeDeadline);
    bookings.transition(
        b.id(), BookingState.CANCELLED, reason == null ? null : reason.strip(), now);
    if (refund > 0) {
      ledger.refund(b.paymentId(), refund);
      bookings.refunded(b.id(), refund, now);
    }
    Booking after = bookings.find(siteKey, number).orElseThrow();
    waitlists.freed(after, v);
    pages.changed(siteKey, v.cacheKey());
    mails.about(
        after,
        v,
        "預約已取消",
        "Your booking is cancelled",
        b.paidAmount() > 0 ? "退款 Refund NT$" + refund : reason);
    audit.record(
        siteKey,
        "booking.booking.cancel",
        "booking",
        number,
        BookingJson.write(b, v).toString(),
        BookingJson.write(after, v).toString());
    return after;
  }

  /** Where the applicant pays the booking's fee. */
  @Transactional
  public Payments.Payment pay(String siteKey, String number) {
    Booking b = locked(siteKey, number);
    if (!user.username().map(b.applicant()::equals).orElse(false)) {
      throw new NotFoundException("No booking " + number + " of yours on this site");
    }
    if (b.fee() == 0
        || (b.state() != BookingState.APPROVED && b.state() != BookingState.CONFIRMED)) {
      throw new ConflictException(
          "Booking " + number + " is " + b.state().wire() + ": nothing to pay");
    }
    return payments.payable(b, venues.find(siteKey, b.venueId()).orElseThrow());
  }

  private Booking locked(String siteKey, String number) {
    return bookings
        .lock(siteKey, number)
        .orElseThrow(() -> new NotFoundException("No booking " + number + " on this site"));
  }

  private static void require(Booking b, BookingState next) {
    if (!b.state().mayBecome(next)) {
      throw new ConflictException(
          "Booking "
              + b.number()
              + " is "
              + b.state().wire()
              + ": it cannot become "
              + next.wire());
    }
  }
}
