package tw.gov.civitas.booking.model;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * A venue a site rents out, with its slot layout, fees and rules.
 *
 * @param opening weekday → opening and closing time; a weekday missing is closed
 * @param fixedSlots in fixed mode, the day's named slots; empty in flexible mode
 * @param discounts category (e.g. {@code senior}) → percent off
 */
public record Venue(
    long id,
    String siteKey,
    String nameZh,
    String nameEn,
    String descriptionZh,
    String descriptionEn,
    String address,
    Double latitude,
    Double longitude,
    int capacity,
    List<String> facilities,
    String accessibility,
    List<String> photoIds,
    Map<DayOfWeek, Hours> opening,
    boolean fixedMode,
    List<FixedSlot> fixedSlots,
    int granularityMinutes,
    int minMinutes,
    int maxMinutes,
    int feePerSlot,
    int feePerHour,
    Map<String, Integer> discounts,
    Rules rules,
    String termsZh,
    String termsEn,
    boolean approvalRequired,
    boolean demo) {

  /** Opening hours of one weekday. */
  public record Hours(LocalTime opens, LocalTime closes) {}

  /** A named slot of the day, e.g. 上午 08:00–12:00. */
  public record FixedSlot(String name, LocalTime start, LocalTime end) {}

  /**
   * What a booking request must respect.
   *
   * @param quotaPerWeek holding bookings one applicant may have per calendar week (null: no limit)
   * @param refundPercent of the fee, when cancelled before the deadline
   */
  public record Rules(
      int minNoticeHours,
      int maxAdvanceDays,
      Integer quotaPerWeek,
      Integer quotaPerMonth,
      int cancelDeadlineHours,
      int refundPercent) {}

  public String name(String lang) {
    return "en".equals(lang) && !nameEn.isBlank() ? nameEn : nameZh;
  }

  public String description(String lang) {
    return "en".equals(lang) && !descriptionEn.isBlank() ? descriptionEn : descriptionZh;
  }

  public String terms(String lang) {
    return "en".equals(lang) && !termsEn.isBlank() ? termsEn : termsZh;
  }

  /** The cache key of a site's list of venues (the public list, each venue's description). */
  public static final String LIST_KEY = "booking.venues";

  /** The cache key of what the venue's availability shows. */
  public String cacheKey() {
    return "booking.venue." + id;
  }
}
