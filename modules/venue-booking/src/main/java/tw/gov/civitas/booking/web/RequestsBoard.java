package tw.gov.civitas.booking.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tw.gov.civitas.booking.data.BookingStore;
import tw.gov.civitas.booking.data.VenueStore;
import tw.gov.civitas.booking.model.Booking;
import tw.gov.civitas.booking.model.BookingState;
import tw.gov.civitas.booking.service.BookingLifecycle;
import tw.gov.civitas.booking.service.BookingMails;
import tw.gov.civitas.spi.runtime.AccessDeniedException;
import tw.gov.civitas.spi.runtime.ConflictException;
import tw.gov.civitas.spi.runtime.InvalidInputException;
import tw.gov.civitas.spi.runtime.NotFoundException;
import tw.gov.civitas.spi.runtime.PlatformClock;

/**
 * {@code requests.xhtml}: the site's bookings day by day (requests first by default), each with a
 * message and the decisions its state allows.
 */
@Named("bookingRequestsBoard")
@ViewScoped
public class RequestsBoard implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject BookingStore bookings;
  @Inject VenueStore venues;
  @Inject BookingLifecycle lifecycle;
  @Inject PlatformClock clock;

  private String state = "requested";
  private String from = "";
  private String to = "";
  private final Map<String, String> messages = new HashMap<>();
  private List<Booking> rows;
  private Map<Long, String> venueNames;

  public List<Booking> getBookings() {
    if (rows == null) {
      LocalDate f = parse(from, LocalDate.now(clock.clock()).minusDays(7));
      LocalDate t = parse(to, f.plusDays(60));
      rows =
          bookings.list(
              EditorMessages.site(),
              null,
              state == null || state.isBlank() ? null : state,
              f.atStartOfDay(PlatformClock.ZONE).toInstant(),
              t.plusDays(1).atStartOfDay(PlatformClock.ZONE).toInstant(),
              null,
              500);
    }
    return rows;
  }

  public String venue(long id) {
    if (venueNames == null) {
      venueNames = new HashMap<>();
      venues.list(EditorMessages.site()).forEach(v -> venueNames.put(v.id(), v.nameZh()));
    }
    return venueNames.getOrDefault(id, "#" + id);
  }

  public String when(Booking b) {
    return BookingMails.slots(b).replace("\n  ", "、");
  }

  public String stateText(Booking b) {
    return label(b.state());
  }

  static String label(BookingState state) {
    return switch (state) {
      case REQUESTED -> "待審核 Requested";
      case APPROVED -> "已核准 Approved";
      case CONFIRMED -> "已確認 Confirmed";
      case PAID -> "已付款 Paid";
      case USED -> "已使用 Used";
      case CANCELLED -> "已取消 Cancelled";
      case REJECTED -> "未核准 Rejected";
      case NO_SHOW -> "未到 No-show";
    };
  }

  public boolean may(Booking b, String next) {
    return b.state().mayBecome(BookingState.of(next));
  }

  public void filter() {
    rows = null;
    if (!from.isBlank() && parse(from, null) == null || !to.isBlank() && parse(to, null) == null) {
      EditorMessages.error("日期格式為 2026-12-10 Dates are like 2026-12-10");
    }
  }

  public void decide(String number, String decision) {
    try {
      if ("cancel".equals(decision)) {
        lifecycle.cancel(EditorMessages.site(), number, messages.get(number));
      } else {
        lifecycle.decide(
            EditorMessages.site(),
            number,
            BookingLifecycle.Decision.valueOf(decision),
            messages.get(number));
      }
      messages.remove(number);
      rows = null;
      EditorMessages.info("已更新 " + number + " Updated");
    } catch (InvalidInputException e) {
      e.fieldErrors().values().forEach(m -> EditorMessages.error(number + "：" + m));
    } catch (ConflictException | NotFoundException | AccessDeniedException e) {
      EditorMessages.error("未更新 Not updated: " + e.getMessage());
    }
  }

  private static LocalDate parse(String value, LocalDate fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      return fallback;
    }
  }

  public Map<String, String> getMessages() {
    return messages;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from == null ? "" : from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to == null ? "" : to;
  }
}
