package tw.gov.civitas.booking.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import tw.gov.civitas.booking.data.BookingStore;
import tw.gov.civitas.booking.model.Booking;
import tw.gov.civitas.booking.model.Venue;
import tw.gov.civitas.spi.runtime.Mail;
import tw.gov.civitas.spi.runtime.MailSender;
import tw.gov.civitas.spi.runtime.SiteRef;
import tw.gov.civitas.spi.runtime.Sites;

/**
 * What the module tells citizens by mail (sent after the write commits, never for one that rolled
 * back), in Traditional Chinese then English.
 */
@ApplicationScoped
public class BookingMails {

  /** The citizen forms mails link to (declared by the module's web layer under these ids). */
  public static final String REQUEST_FORM = "booking.request";

  public static final String CANCEL_FORM = "booking.cancel";

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Inject MailSender mail;
  @Inject Sites sites;

  public static String slots(Booking b) {
    return b.slots().stream()
        .map(s -> WHEN.format(s.localStart()) + "–" + s.localEnd().toLocalTime())
        .collect(Collectors.joining("\n  "));
  }

  String origin(String siteKey) {
    return sites.find(siteKey).map(SiteRef::publicUrl).orElse("");
  }

  String calendarUrl(Booking b) {
    return origin(b.siteKey())
        + "/api/v1/sites/"
        + b.siteKey()
        + "/booking/bookings/"
        + b.number()
        + "/calendar.ics?key="
        + b.calendarKey();
  }

  /** A booking received, approved, rejected, cancelled, paid, or affected by a blackout. */
  void about(Booking b, Venue v, String headlineZh, String headlineEn, String note) {
    if (b.email() == null || b.email().isBlank()) {
      return;
    }
    String text =
        headlineZh
            + "\n\n預約編號："
            + b.number()
            + "\n場地："
            + v.nameZh()
            + "\n時段：\n  "
            + slots(b)
            + "\n狀態："
            + b.state().wire()
            + "\n費用：NT$"
            + b.fee()
            + (note == null || note.isBlank() ? "" : "\n說明：" + note)
            + "\n行事曆檔案（.ics）："
            + calendarUrl(b)
            + "\n查詢或取消 My bookings："
            + origin(b.siteKey())
            + "/account/services/"
            + b.siteKey()
            + "/"
            + CANCEL_FORM
            + "\n\n---\n"
            + headlineEn
            + "\n\nBooking number: "
            + b.number()
            + "\nVenue: "
            + (v.nameEn().isBlank() ? v.nameZh() : v.nameEn())
            + "\nState: "
            + b.state().wire()
            + "\nFee: NT$"
            + b.fee()
            + (note == null || note.isBlank() ? "" : "\nNote: " + note)
            + (b.demo() ? "\n\n（示範資料 Demonstration data）" : "");
    mail.send(
        Mail.to(b.email())
            .subject("[場地預約 Venue booking] " + b.number() + " " + headlineZh)
            .text(text)
            .build());
  }

  /** A waitlisted slot is free: offered to the citizen first, for a day. */
  void offer(BookingStore.Waiting w, Venue v) {
    if (w.email() == null || w.email().isBlank()) {
      return;
    }
    String link =
        origin(w.siteKey())
            + "/account/services/"
            + w.siteKey()
            + "/"
            + REQUEST_FORM
            + "?venue="
            + v.id()
            + "&date="
            + w.range().localStart().toLocalDate()
            + "&slot="
            + w.range().start();
    mail.send(
        Mail.to(w.email())
            .subject("[場地預約 Venue booking] 候補時段已空出 A slot you waited for is free")
            .text(
                "您候補的時段已空出，為您保留 24 小時：\n"
                    + v.nameZh()
                    + " "
                    + WHEN.format(w.range().localStart())
                    + "–"
                    + w.range().localEnd().toLocalTime()
                    + "\n立即預約："
                    + link
                    + "\n\n---\nThe slot you waited for is free and kept for you for 24 hours: "
                    + (v.nameEn().isBlank() ? v.nameZh() : v.nameEn())
                    + ". Book it: "
                    + link)
            .build());
  }
}
