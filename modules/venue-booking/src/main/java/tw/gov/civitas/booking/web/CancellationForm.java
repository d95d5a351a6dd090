package tw.gov.civitas.booking.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tw.gov.civitas.booking.data.BookingStore;
import tw.gov.civitas.booking.data.VenueStore;
import tw.gov.civitas.booking.model.Booking;
import tw.gov.civitas.booking.model.Fees;
import tw.gov.civitas.booking.model.Venue;
import tw.gov.civitas.booking.service.BookingLifecycle;
import tw.gov.civitas.booking.service.BookingMails;
import tw.gov.civitas.spi.CitizenFormHandler;
import tw.gov.civitas.spi.CitizenFormPreparation;
import tw.gov.civitas.spi.CitizenFormRequest;
import tw.gov.civitas.spi.runtime.CurrentUser;
import tw.gov.civitas.spi.runtime.InvalidInputException;
import tw.gov.civitas.spi.runtime.PlatformClock;

/**
 * 我的預約: the signed-in citizen's bookings on the site, each with its state and fee, and the ones
 * that can still be cancelled to choose from, with what the venue's rules would refund.
 */
@ApplicationScoped
public class CancellationForm implements CitizenFormHandler {

  public static final String ID = BookingMails.CANCEL_FORM;

  @Inject BookingStore bookings;
  @Inject VenueStore venues;
  @Inject BookingLifecycle lifecycle;
  @Inject CurrentUser user;
  @Inject PlatformClock clock;

  @Override
  public CitizenFormPreparation prepare(CitizenFormRequest request) {
    boolean en = "en".equals(request.language());
    List<Booking> mine =
        bookings.list(
            request.siteKey(),
            null,
            null,
            clock.now().minus(Duration.ofDays(30)),
            null,
            user.username().orElse(""),
            100);
    CitizenFormPreparation.Builder b = CitizenFormPreparation.builder();
    List<CitizenFormPreparation.Option> cancellable = new ArrayList<>();
    for (Booking booking : mine) {
      Venue v = venues.find(request.siteKey(), booking.venueId()).orElse(null);
      if (v == null) {
        continue;
      }
      String line =
          booking.number()
              + " "
              + v.name(request.language())
              + " "
              + BookingMails.slots(booking).replace("\n  ", "、")
              + (en
                  ? " — " + booking.state().wire() + ", NT$" + booking.fee()
                  : "：" + RequestsBoard.label(booking.state()) + "，NT$" + booking.fee());
      b.intro(line, line);
      if (booking.state().holds() && clock.now().isBefore(booking.startsAt())) {
        boolean beforeDeadline =
            clock
                .now()
                .isBefore(
                    booking.startsAt().minus(Duration.ofHours(v.rules().cancelDeadlineHours())));
        int refund = Fees.refund(v, booking.paidAmount(), beforeDeadline);
        cancellable.add(
            new CitizenFormPreparation.Option(
                booking.number(),
                booking.number() + (booking.paidAmount() > 0 ? "（退款 NT$" + refund + "）" : ""),
                booking.number()
                    + (booking.paidAmount() > 0 ? " (NT$" + refund + " refunded)" : "")));
      }
    }
    if (cancellable.isEmpty()) {
      return b.refuse(
              mine.isEmpty()
                  ? (en ? "You have no bookings on this site." : "您在本網站沒有預約。")
                  : (en ? "None of your bookings can be cancelled any more." : "您的預約都已無法取消。"))
          .build();
    }
    return b.options("booking", cancellable).build();
  }

  @Override
  public String submit(String siteKey, Map<String, String> values) {
    String number = values.getOrDefault("booking", "");
    if (number.isBlank()) {
      throw InvalidInputException.field("booking", "請選擇預約 Choose a booking");
    }
    Booking after = lifecycle.cancel(siteKey, number, values.getOrDefault("reason", ""));
    return "已取消預約 Booking cancelled: "
        + after.number()
        + (after.paidAmount() > 0 ? "，退款 refund NT$" + after.refundAmount() : "");
  }
}
