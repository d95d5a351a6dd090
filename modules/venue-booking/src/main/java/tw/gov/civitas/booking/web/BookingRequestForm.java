package tw.gov.civitas.booking.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.gov.civitas.booking.data.VenueStore;
import tw.gov.civitas.booking.model.Booking;
import tw.gov.civitas.booking.model.BookingState;
import tw.gov.civitas.booking.model.TimeRange;
import tw.gov.civitas.booking.model.Venue;
import tw.gov.civitas.booking.service.Availability;
import tw.gov.civitas.booking.service.BookingMails;
import tw.gov.civitas.booking.service.BookingRequests;
import tw.gov.civitas.spi.CitizenFormHandler;
import tw.gov.civitas.spi.CitizenFormPreparation;
import tw.gov.civitas.spi.CitizenFormRequest;
import tw.gov.civitas.spi.runtime.InvalidInputException;

/**
 * The booking flow's form for a signed-in citizen, linked from a free slot of a venue's calendar
 * ({@code ?venue=&date=&slot=}): the day's free slots to choose from (the one clicked already
 * chosen), the applicant's details, the discount, and the venue's terms to accept.
 */
@ApplicationScoped
public class BookingRequestForm implements CitizenFormHandler {

  public static final String ID = BookingMails.REQUEST_FORM;

  @Inject VenueStore venues;
  @Inject Availability availability;
  @Inject BookingRequests requests;

  @Override
  public CitizenFormPreparation prepare(CitizenFormRequest request) {
    boolean en = "en".equals(request.language());
    Optional<Venue> venue = venue(request.siteKey(), request.parameter("venue"));
    if (venue.isEmpty()) {
      return CitizenFormPreparation.builder()
          .refuse(
              en ? "Choose a venue and a slot on the venue's calendar first." : "請先從場地的預約狀況選擇時段。")
          .build();
    }
    Venue v = venue.get();
    LocalDate day;
    try {
      day = LocalDate.parse(request.parameter("date"));
    } catch (DateTimeParseException e) {
      return CitizenFormPreparation.builder()
          .refuse(en ? "Choose a day on the venue's calendar first." : "請先從場地的預約狀況選擇日期。")
          .build();
    }
    List<CitizenFormPreparation.Option> free = new ArrayList<>();
    for (Availability.Day d : availability.days(v, day, day)) {
      for (Availability.CalendarSlot s : d.slots()) {
        if (s.status() == Availability.Status.FREE) {
          free.add(
              new CitizenFormPreparation.Option(
                  s.range().start() + "/" + s.range().end(),
                  day + " " + s.name(),
                  day + " " + s.name()));
        }
      }
    }
    if (free.isEmpty()) {
      return CitizenFormPreparation.builder()
          .refuse(
              en
                  ? "No slot of " + v.name("en") + " is free on " + day + ". Choose another day."
                  : v.nameZh() + " " + day + " 已無可預約時段，請選擇其他日期。")
          .build();
    }
    CitizenFormPreparation.Builder b =
        CitizenFormPreparation.builder()
            .intro(
                "場地：" + v.nameZh() + "（" + v.address() + "，容納 " + v.capacity() + " 人）",
                "Venue: "
                    + v.name("en")
                    + " ("
                    + v.address()
                    + ", up to "
                    + v.capacity()
                    + " people)")
            .intro(
                "費用：每時段 NT$"
                    + v.feePerSlot()
                    + "，每小時 NT$"
                    + v.feePerHour()
                    + (v.approvalRequired() ? "。送出後由機關審核。" : "。送出即完成預約。"),
                "Fee: NT$"
                    + v.feePerSlot()
                    + " a slot, NT$"
                    + v.feePerHour()
                    + " an hour."
                    + (v.approvalRequired()
                        ? " The agency reviews your request."
                        : " Confirmed at once."))
            .intro("使用規定：" + v.termsZh(), "Terms of use: " + v.terms("en"))
            .options("slots", free)
            .context("venue", String.valueOf(v.id()))
            .context("date", day.toString());
    List<CitizenFormPreparation.Option> discounts = new ArrayList<>();
    discounts.add(new CitizenFormPreparation.Option("", "一般", "None"));
    v.discounts()
        .forEach(
            (k, pct) ->
                discounts.add(
                    new CitizenFormPreparation.Option(
                        k, k + "（減 " + pct + "%）", k + " (" + pct + "% off)")));
    b.options("discount", discounts).value("discount", "");
    String clicked = request.parameter("slot");
    free.stream()
        .filter(o -> !clicked.isBlank() && o.value().startsWith(clicked + "/"))
        .findFirst()
        .ifPresent(o -> b.value("slots", o.value()));
    return b.build();
  }

  @Override
  public String submit(String siteKey, Map<String, String> values) {
    Venue v =
        venue(siteKey, values.getOrDefault("venue", ""))
            .orElseThrow(
                () -> InvalidInputException.field("slots", "請重新選擇場地 Choose the venue again"));
    List<TimeRange> slots = new ArrayList<>();
    for (String s : values.getOrDefault("slots", "").split(",")) {
      if (s.isBlank()) {
        continue;
      }
      String[] ends = s.split("/");
      try {
        slots.add(new TimeRange(Instant.parse(ends[0]), Instant.parse(ends[1])));
      } catch (RuntimeException e) {
        throw InvalidInputException.field("slots", "請選擇時段 Choose a slot");
      }
    }
    int attendees;
    try {
      attendees = Integer.parseInt(values.getOrDefault("attendees", "").strip());
    } catch (NumberFormatException e) {
      throw InvalidInputException.field("attendees", "請填人數 Enter a number");
    }
    Booking b =
        requests.request(
            siteKey,
            new BookingRequests.Request(
                v.id(),
                slots,
                values.get("applicantName"),
                values.get("phone"),
                values.get("organisation"),
                values.get("purpose"),
                attendees,
                values.getOrDefault("discount", ""),
                "true".equals(values.get("accept"))));
    return "預約編號 Booking number "
        + b.number()
        + "（"
        + (b.state() == BookingState.CONFIRMED
            ? "已確認 Confirmed"
            : "審核中 Awaiting the agency's review")
        + "，費用 Fee NT$"
        + b.fee()
        + "）。確認信已寄出 A confirmation is on its way by e-mail.";
  }

  private Optional<Venue> venue(String siteKey, String id) {
    try {
      return venues.find(siteKey, Long.parseLong(id));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
