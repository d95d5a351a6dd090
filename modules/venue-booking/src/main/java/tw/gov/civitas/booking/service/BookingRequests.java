package tw.gov.civitas.booking.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tw.gov.civitas.booking.data.BookingStore;
import tw.gov.civitas.booking.data.Jdbc;
import tw.gov.civitas.booking.data.VenueStore;
import tw.gov.civitas.booking.model.Booking;
import tw.gov.civitas.booking.model.BookingJson;
import tw.gov.civitas.booking.model.BookingState;
import tw.gov.civitas.booking.model.Fees;
import tw.gov.civitas.booking.model.SlotLayout;
import tw.gov.civitas.booking.model.TimeRange;
import tw.gov.civitas.booking.model.Venue;
import tw.gov.civitas.spi.runtime.AccessDeniedException;
import tw.gov.civitas.spi.runtime.AuditRecorder;
import tw.gov.civitas.spi.runtime.ConflictException;
import tw.gov.civitas.spi.runtime.CurrentUser;
import tw.gov.civitas.spi.runtime.InvalidInputException;
import tw.gov.civitas.spi.runtime.NotFoundException;
import tw.gov.civitas.spi.runtime.PlatformClock;
import tw.gov.civitas.spi.runtime.PublicPages;

/**
 * A signed-in citizen asks for a venue's slots. Every rule is checked here (layout, attendees,
 * terms, minimum notice, advance window, blackouts, waitlist offers, quotas), and the last word on
 * a slot is PostgreSQL's: two requests for one slot, however simultaneous, cannot both hold it.
 */
@ApplicationScoped
public class BookingRequests {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  @Inject VenueStore venues;
  @Inject BookingStore bookings;
  @Inject CurrentUser user;
  @Inject PlatformClock clock;
  @Inject AuditRecorder audit;
  @Inject BookingMails mails;
  @Inject PublicPages pages;
  @Inject BookingPayments payments;

  /** What the citizen asks for. */
  public record Request(
      long venueId,
      List<TimeRange> slots,
      String applicantName,
      String phone,
      String organisation,
      String purpose,
      int attendees,
      String discount,
      boolean termsAccepted) {}

  @Transactional
  public Booking request(String siteKey, Request r) {
    if (!user.citizen() || user.username().isEmpty()) {
      throw new AccessDeniedException("Only a signed-in citizen books a venue");
    }
    String applicant = user.username().orElseThrow();
    // shared: side by side with other bookings of the venue, never beside a blackout being set
    Venue venue =
        venues
            .lock(siteKey, r.venueId(), false)
            .orElseThrow(() -> new NotFoundException("No venue " + r.venueId() + " on this site"));
    List<TimeRange> slots = new ArrayList<>(r.slots());
    slots.sort(Comparator.comparing(TimeRange::start));
    check(venue, r, slots);
    Instant now = clock.now();
    Instant earliest = now.plus(Duration.ofHours(venue.rules().minNoticeHours()));
    Instant latest = now.plus(Duration.ofDays(venue.rules().maxAdvanceDays()));
    if (slots.get(0).start().isBefore(earliest)) {
      throw InvalidInputException.field(
          "slots",
          "須於 "
              + venue.rules().minNoticeHours()
              + " 小時前預約 Book at least "
              + venue.rules().minNoticeHours()
              + " hours ahead");
    }
    if (slots.get(slots.size() - 1).start().isAfter(latest)) {
      throw InvalidInputException.field(
          "slots",
          "最早可預約 "
              + venue.rules().maxAdvanceDays()
              + " 天內的時段 Slots open "
              + venue.rules().maxAdvanceDays()
              + " days ahead");
    }
    TimeRange span = new TimeRange(slots.get(0).start(), slots.get(slots.size() - 1).end());
    for (VenueStore.Blackout b : venues.blackouts(venue.id(), span)) {
      if (slots.stream().anyMatch(s -> s.overlaps(b.range()))) {
        throw new ConflictException("場地暫停開放 The venue is closed then: " + b.reason());
      }
    }
    for (TimeRange s : slots) {
      if (bookings.offeredToOther(venue.id(), s, applicant)) {
        throw new ConflictException("此時段保留給候補者 This slot is kept for a waitlisted citizen");
      }
    }
    // one applicant's requests one at a time: a quota counted twice at once would pass twice
    bookings.lockApplicant(applicant);
    quotas(venue, applicant, slots);
    BookingState state = venue.approvalRequired() ? BookingState.REQUESTED : BookingState.CONFIRMED;
    int fee = Fees.of(venue, slots, r.discount());
    String number =
        "B-"
            + DAY.format(LocalDate.ofInstant(now, PlatformClock.ZONE))
            + "-"
            + bookings.nextNumber();
    long id;
    try {
      id =
          bookings.insert(
              new BookingStore.NewBooking(
                  number,
                  siteKey,
                  venue.id(),
                  applicant,
                  user.email().orElse(""),
                  r.applicantName().strip(),
                  r.phone() == null ? "" : r.phone().strip(),
                  r.organisation() == null ? "" : r.organisation().strip(),
                  r.purpose().strip(),
                  r.attendees(),
                  r.discount() == null ? "" : r.discount(),
                  state,
                  fee,
                  calendarKey(),
                  slots,
                  false),
              now);
    } catch (Jdbc.SlotTaken e) {
      throw new ConflictException("時段已被預約 The slot is already taken");
    }
    for (TimeRange s : slots) {
      bookings
          .offerTo(venue.id(), s, applicant)
          .ifPresent(w -> bookings.waitlistState(w.id(), "booked", null));
    }
    Booking booking = bookings.find(siteKey, number).orElseThrow();
    if (state == BookingState.CONFIRMED && fee > 0) {
      booking = payments.open(booking, venue);
    }
    pages.changed(siteKey, venue.cacheKey());
    mails.about(
        booking,
        venue,
        state == BookingState.CONFIRMED ? "預約完成" : "已收到預約申請",
        state == BookingState.CONFIRMED
            ? "Your booking is confirmed"
            : "Your booking request is received",
        state == BookingState.CONFIRMED && fee > 0
            ? "請付款 Please pay: " + payments.payLink(booking)
            : null);
    audit.record(
        siteKey,
        "booking.booking.request",
        "booking",
        number,
        null,
        BookingJson.write(booking, venue).toString());
    return booking;
  }

  private static void check(Venue venue, Request r, List<TimeRange> slots) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (slots.isEmpty() || slots.size() > 8) {
      errors.put("slots", "選擇 1 到 8 個時段 Choose 1 to 8 slots");
    } else {
      for (int i = 0; i < slots.size(); i++) {
        SlotLayout.refusal(venue, slots.get(i)).ifPresent(m -> errors.put("slots", m));
        if (i > 0 && slots.get(i).overlaps(slots.get(i - 1))) {
          errors.put("slots", "時段重疊 The slots overlap");
        }
      }
    }
    if (r.applicantName() == null
        || r.applicantName().isBlank()
        || r.applicantName().length() > 100) {
      errors.put("applicantName", "必填，最多 100 字 Required, at most 100 characters");
    }
    if (r.purpose() == null || r.purpose().isBlank() || r.purpose().length() > 500) {
      errors.put("purpose", "必填，最多 500 字 Required, at most 500 characters");
    }
    if (r.phone() != null && !r.phone().isBlank() && !r.phone().matches("[0-9+()# -]{6,20}")) {
      errors.put("phone", "電話格式不正確 Not a phone number");
    }
    if (r.organisation() != null && r.organisation().length() > 200) {
      errors.put("organisation", "最多 200 字 At most 200 characters");
    }
    if (r.attendees() < 1 || r.attendees() > venue.capacity()) {
      errors.put(
          "attendees",
          "人數須為 1 到 "
              + venue.capacity()
              + " 人 From 1 to the venue's capacity, "
              + venue.capacity());
    }
    if (r.discount() != null
        && !r.discount().isBlank()
        && !venue.discounts().containsKey(r.discount())) {
      errors.put("discount", "不是此場地的優待身分 Not a discount of this venue");
    }
    if (!r.termsAccepted()) {
      errors.put("accept", "須同意使用規定 Accept the terms to book");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  private void quotas(Venue venue, String applicant, List<TimeRange> slots) {
    LocalDate day = LocalDate.ofInstant(slots.get(0).start(), PlatformClock.ZONE);
    Venue.Rules rules = venue.rules();
    if (rules.quotaPerWeek() != null) {
      LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      long held =
          bookings.holdingOf(applicant, venue.id(), start(monday), start(monday.plusWeeks(1)));
      if (held + 1 > rules.quotaPerWeek()) {
        throw new ConflictException(
            "每週最多預約 "
                + rules.quotaPerWeek()
                + " 次 At most "
                + rules.quotaPerWeek()
                + " bookings per applicant a week");
      }
    }
    if (rules.quotaPerMonth() != null) {
      LocalDate first = day.withDayOfMonth(1);
      long held =
          bookings.holdingOf(applicant, venue.id(), start(first), start(first.plusMonths(1)));
      if (held + 1 > rules.quotaPerMonth()) {
        throw new ConflictException(
            "每月最多預約 "
                + rules.quotaPerMonth()
                + " 次 At most "
                + rules.quotaPerMonth()
                + " bookings per applicant a month");
      }
    }
  }

  private static Instant start(LocalDate day) {
    return day.atStartOfDay(PlatformClock.ZONE).toInstant();
  }

  static String calendarKey() {
    byte[] key = new byte[24];
    RANDOM.nextBytes(key);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
  }
}
