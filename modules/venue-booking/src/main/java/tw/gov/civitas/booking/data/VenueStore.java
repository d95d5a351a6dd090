package tw.gov.civitas.booking.data;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tw.gov.civitas.booking.model.TimeRange;
import tw.gov.civitas.booking.model.Venue;
import tw.gov.civitas.booking.model.VenueJson;

/** Venues and their blackouts in the module's tables. */
@ApplicationScoped
public class VenueStore {

  @Inject Jdbc jdbc;

  /** A blackout: the venue takes no booking for the range. */
  public record Blackout(long id, long venueId, TimeRange range, String reason, String createdBy) {}

  public List<Venue> list(String siteKey) {
    return jdbc.list(
        "select * from booking_venue where site_key = ? order by id", VenueStore::venue, siteKey);
  }

  public Optional<Venue> find(String siteKey, long id) {
    return jdbc.one(
        "select * from booking_venue where site_key = ? and id = ?",
        VenueStore::venue,
        siteKey,
        id);
  }

  /**
   * The venue, locked: a booking takes it shared (bookings of one venue run side by side, the
   * exclusion constraint orders them) and a blackout exclusively, so no booking slips in while a
   * blackout is being set and its holders notified.
   */
  public Optional<Venue> lock(String siteKey, long id, boolean exclusive) {
    return jdbc.one(
        "select * from booking_venue where site_key = ? and id = ? for "
            + (exclusive ? "update" : "share"),
        VenueStore::venue,
        siteKey,
        id);
  }

  public long insert(Venue v, Instant now, boolean demo) {
    return jdbc.one(
            "insert into booking_venue (site_key, name_zh, name_en, description_zh, description_en,"
                + " address, latitude, longitude, capacity, facilities, accessibility, photo_ids,"
                + " opening, slot_mode, fixed_slots, granularity_minutes, min_minutes, max_minutes,"
                + " fee_per_slot, fee_per_hour, discounts, min_notice_hours, max_advance_days,"
                + " quota_per_week, quota_per_month, cancel_deadline_hours, refund_percent,"
                + " terms_zh, terms_en, approval_required, demo, created_at) values (?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?) returning id",
            r -> r.getLong(1),
            values(v, demo, now))
        .orElseThrow();
  }

  public void update(Venue v) {
    Object[] values = values(v, v.demo(), null);
    Object[] args = Arrays.copyOfRange(values, 1, values.length - 2); // no site, demo, created_at
    Object[] withKey = Arrays.copyOf(args, args.length + 2);
    withKey[args.length] = v.siteKey();
    withKey[args.length + 1] = v.id();
    jdbc.update(
        "update booking_venue set name_zh = ?, name_en = ?, description_zh = ?, description_en = ?,"
            + " address = ?, latitude = ?, longitude = ?, capacity = ?, facilities = ?,"
            + " accessibility = ?, photo_ids = ?, opening = ?::jsonb, slot_mode = ?, fixed_slots ="
            + " ?::jsonb, granularity_minutes = ?, min_minutes = ?, max_minutes = ?, fee_per_slot ="
            + " ?, fee_per_hour = ?, discounts = ?::jsonb, min_notice_hours = ?, max_advance_days ="
            + " ?, quota_per_week = ?, quota_per_month = ?, cancel_deadline_hours = ?,"
            + " refund_percent = ?, terms_zh = ?, terms_en = ?, approval_required = ? where"
            + " site_key = ? and id = ?",
        withKey);
  }

  public boolean delete(String siteKey, long id) {
    return jdbc.update("delete from booking_venue where site_key = ? and id = ?", siteKey, id) == 1;
  }

  public long addBlackout(long venueId, TimeRange range, String reason, String by, Instant now) {
    return jdbc.one(
            "insert into booking_blackout (venue_id, during, reason, created_by, created_at)"
                + " values (?, ?::tstzrange, ?, ?, ?) returning id",
            r -> r.getLong(1),
            venueId,
            range.literal(),
            reason,
            by,
            now)
        .orElseThrow();
  }

  public List<Blackout> blackouts(long venueId, TimeRange within) {
    return jdbc.list(
        "select id, venue_id, lower(during) s, upper(during) e, reason, created_by from"
            + " booking_blackout where venue_id = ? and during && ?::tstzrange order by lower(during)",
        VenueStore::blackout,
        venueId,
        within.literal());
  }

  public Optional<Blackout> blackout(long venueId, long id) {
    return jdbc.one(
        "select id, venue_id, lower(during) s, upper(during) e, reason, created_by from"
            + " booking_blackout where venue_id = ? and id = ?",
        VenueStore::blackout,
        venueId,
        id);
  }

  public boolean removeBlackout(long venueId, long id) {
    return jdbc.update("delete from booking_blackout where venue_id = ? and id = ?", venueId, id)
        == 1;
  }

  private static Blackout blackout(ResultSet r) throws SQLException {
    return new Blackout(
        r.getLong("id"),
        r.getLong("venue_id"),
        new TimeRange(r.getTimestamp("s").toInstant(), r.getTimestamp("e").toInstant()),
        r.getString("reason"),
        r.getString("created_by"));
  }

  private static Object[] values(Venue v, boolean demo, Instant now) {
    StringBuilder fixed = new StringBuilder();
    fixed.append(VenueJson.slots(v).getOrDefault("fixed", Json.createArrayBuilder().build()));
    return new Object[] {
      v.siteKey(),
      v.nameZh(),
      v.nameEn(),
      v.descriptionZh(),
      v.descriptionEn(),
      v.address(),
      v.latitude(),
      v.longitude(),
      v.capacity(),
      String.join("\n", v.facilities()),
      v.accessibility(),
      String.join(",", v.photoIds()),
      VenueJson.opening(v).toString(),
      v.fixedMode() ? "fixed" : "flexible",
      fixed.toString(),
      v.granularityMinutes(),
      v.minMinutes(),
      v.maxMinutes(),
      v.feePerSlot(),
      v.feePerHour(),
      VenueJson.fees(v).getJsonObject("discounts").toString(),
      v.rules().minNoticeHours(),
      v.rules().maxAdvanceDays(),
      v.rules().quotaPerWeek(),
      v.rules().quotaPerMonth(),
      v.rules().cancelDeadlineHours(),
      v.rules().refundPercent(),
      v.termsZh(),
      v.termsEn(),
      v.approvalRequired(),
      demo,
      now == null ? null : java.sql.Timestamp.from(now)
    };
  }

  static Venue venue(ResultSet r) throws SQLException {
    Map<DayOfWeek, Venue.Hours> opening = new EnumMap<>(DayOfWeek.class);
    JsonObject o = json(r.getString("opening"));
    for (String day : o.keySet()) {
      String[] h = o.getString(day).split("-");
      opening.put(
          DayOfWeek.of(Integer.parseInt(day)),
          new Venue.Hours(LocalTime.parse(h[0]), LocalTime.parse(h[1])));
    }
    List<Venue.FixedSlot> fixed = new ArrayList<>();
    for (var s :
        Json.createReader(new StringReader(r.getString("fixed_slots")))
            .readArray()
            .getValuesAs(JsonObject.class)) {
      fixed.add(
          new Venue.FixedSlot(
              s.getString("name"),
              LocalTime.parse(s.getString("start")),
              LocalTime.parse(s.getString("end"))));
    }
    Map<String, Integer> discounts = new TreeMap<>();
    JsonObject d = json(r.getString("discounts"));
    d.keySet().forEach(k -> discounts.put(k, d.getInt(k)));
    double lat = r.getDouble("latitude");
    Double latitude = r.wasNull() ? null : lat;
    double lon = r.getDouble("longitude");
    Double longitude = r.wasNull() ? null : lon;
    return new Venue(
        r.getLong("id"),
        r.getString("site_key"),
        r.getString("name_zh"),
        r.getString("name_en"),
        r.getString("description_zh"),
        r.getString("description_en"),
        r.getString("address"),
        latitude,
        longitude,
        r.getInt("capacity"),
        lines(r.getString("facilities"), "\n"),
        r.getString("accessibility"),
        lines(r.getString("photo_ids"), ","),
        opening,
        "fixed".equals(r.getString("slot_mode")),
        fixed,
        r.getInt("granularity_minutes"),
        r.getInt("min_minutes"),
        r.getInt("max_minutes"),
        r.getInt("fee_per_slot"),
        r.getInt("fee_per_hour"),
        discounts,
        new Venue.Rules(
            r.getInt("min_notice_hours"),
            r.getInt("max_advance_days"),
            (Integer) r.getObject("quota_per_week"),
            (Integer) r.getObject("quota_per_month"),
            r.getInt("cancel_deadline_hours"),
            r.getInt("refund_percent")),
        r.getString("terms_zh"),
        r.getString("terms_en"),
        r.getBoolean("approval_required"),
        r.getBoolean("demo"));
  }

  private static List<String> lines(String text, String separator) {
    return text == null || text.isBlank() ? List.of() : List.of(text.split(separator));
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }
}
