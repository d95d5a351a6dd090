package tw.gov.civitas.booking.data;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.gov.civitas.booking.model.Booking;
import tw.gov.civitas.booking.model.BookingState;
import tw.gov.civitas.booking.model.TimeRange;

/** Bookings, the slots they hold and waitlists in the module's tables. */
@ApplicationScoped
public class BookingStore {

  @Inject Jdbc jdbc;

  /** What a new booking is made of; its slots are inserted with it. */
  public record NewBooking(
      String number,
      String siteKey,
      long venueId,
      String applicant,
      String email,
      String applicantName,
      String phone,
      String organisation,
      String purpose,
      int attendees,
      String discount,
      BookingState state,
      int fee,
      String calendarKey,
      List<TimeRange> slots,
      boolean demo) {}

  /** A taken range of a venue, for availability: its state decides pending or taken. */
  public record Held(TimeRange range, BookingState state) {}

  /** A citizen waiting for a slot. */
  public record Waiting(
      long id,
      String siteKey,
      long venueId,
      TimeRange range,
      String applicant,
      String email,
      String state) {}

  /**
   * Inserts the booking and its slots; PostgreSQL's exclusion constraint refuses a holding slot
   * over another one ({@link Jdbc.SlotTaken}), which rolls the whole booking back.
   */
  public long insert(NewBooking b, Instant now) {
    long id =
        jdbc.one(
                "insert into booking (number, site_key, venue_id, applicant, email, applicant_name,"
                    + " phone, organisation, purpose, attendees, discount, state, fee, calendar_key,"
                    + " starts_at, ends_at, demo, created_at, updated_at) values (?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
                r -> r.getLong(1),
                b.number(),
                b.siteKey(),
                b.venueId(),
                b.applicant(),
                b.email(),
                b.applicantName(),
                b.phone(),
                b.organisation(),
                b.purpose(),
                b.attendees(),
                b.discount(),
                b.state().wire(),
                b.fee(),
                b.calendarKey(),
                b.slots().get(0).start(),
                b.slots().get(b.slots().size() - 1).end(),
                b.demo(),
                now,
                now)
            .orElseThrow();
    for (TimeRange slot : b.slots()) {
      jdbc.update(
          "insert into booking_slot (booking_id, venue_id, during, holding) values (?, ?,"
              + " ?::tstzrange, ?)",
          id,
          b.venueId(),
          slot.literal(),
          b.state().holds());
    }
    return id;
  }

  public long nextNumber() {
    return jdbc.longValue("select nextval('booking_number_seq')");
  }

  public Optional<Booking> find(String siteKey, String number) {
    return first(
        jdbc.list(
            "select * from booking where site_key = ? and number = ?",
            BookingStore::row,
            siteKey,
            number));
  }

  /** The booking under its row lock: a state change waits for any other on the same booking. */
  public Optional<Booking> lock(String siteKey, String number) {
    return first(
        jdbc.list(
            "select * from booking where site_key = ? and number = ? for update",
            BookingStore::row,
            siteKey,
            number));
  }

  public Optional<Booking> byPayment(String paymentId) {
    return first(
        jdbc.list(
            "select * from booking where payment_id = ? for update", BookingStore::row, paymentId));
  }

  /** A site's bookings, filtered; newest start first when {@code descending}. */
  public List<Booking> list(
      String siteKey,
      Long venueId,
      String state,
      Instant from,
      Instant to,
      String applicant,
      int limit) {
    StringBuilder sql = new StringBuilder("select * from booking where site_key = ?");
    List<Object> args = new ArrayList<>(List.of(siteKey));
    if (venueId != null) {
      sql.append(" and venue_id = ?");
      args.add(venueId);
    }
    if (state != null) {
      sql.append(" and state = ?");
      args.add(state);
    }
    if (from != null) {
      sql.append(" and ends_at > ?");
      args.add(from);
    }
    if (to != null) {
      sql.append(" and starts_at < ?");
      args.add(to);
    }
    if (applicant != null) {
      sql.append(" and applicant = ?");
      args.add(applicant);
    }
    sql.append(" order by starts_at, id limit ").append(limit);
    return withSlots(jdbc.list(sql.toString(), BookingStore::row, args.toArray()));
  }

  /** The holding bookings of one applicant at one venue starting within a range (quotas). */
  public long holdingOf(String applicant, long venueId, Instant from, Instant to) {
    return jdbc.longValue(
        "select count(*) from booking where applicant = ? and venue_id = ? and state in"
            + " ('requested', 'approved', 'confirmed', 'paid') and starts_at >= ? and starts_at < ?",
        applicant,
        venueId,
        from,
        to);
  }

  /** Serializes one applicant's requests, so two at once cannot both pass a quota. */
  public void lockApplicant(String applicant) {
    jdbc.one(
        "select pg_advisory_xact_lock(hashtextextended(?, 11))", r -> 1, "booking:" + applicant);
  }

  public List<Held> held(long venueId, TimeRange within) {
    return jdbc.list(
        "select lower(s.during) f, upper(s.during) t, b.state from booking_slot s join booking b on"
            + " b.id = s.booking_id where s.venue_id = ? and s.holding and s.during &&"
            + " ?::tstzrange order by lower(s.during)",
        r ->
            new Held(
                new TimeRange(r.getTimestamp("f").toInstant(), r.getTimestamp("t").toInstant()),
                BookingState.of(r.getString("state"))),
        venueId,
        within.literal());
  }

  /** Moves a booking to its next state; its slots stop holding when the state does not hold. */
  public void transition(long id, BookingState next, String message, Instant now) {
    jdbc.update(
        "update booking set state = ?, message = coalesce(?, message), updated_at = ? where id = ?",
        next.wire(),
        message,
        now,
        id);
    jdbc.update("update booking_slot set holding = ? where booking_id = ?", next.holds(), id);
  }

  public void payment(long id, String paymentId, Instant now) {
    jdbc.update(
        "update booking set payment_id = ?, updated_at = ? where id = ?", paymentId, now, id);
  }

  public void paid(long id, int amount, Instant now) {
    jdbc.update(
        "update booking set state = 'paid', paid_amount = ?, updated_at = ? where id = ?",
        amount,
        now,
        id);
  }

  public void refunded(long id, int amount, Instant now) {
    jdbc.update(
        "update booking set refund_amount = ?, updated_at = ? where id = ?", amount, now, id);
  }

  /** The holding bookings with a slot over a range (a blackout's affected holders). */
  public List<Booking> holdingOver(long venueId, TimeRange range) {
    return withSlots(
        jdbc.list(
            "select distinct b.* from booking b join booking_slot s on s.booking_id = b.id where"
                + " s.venue_id = ? and s.holding and s.during && ?::tstzrange",
            BookingStore::row,
            venueId,
            range.literal()));
  }

  public boolean hasHolding(long venueId) {
    return jdbc.longValue(
            "select count(*) from booking_slot where venue_id = ? and holding", venueId)
        > 0;
  }

  public long waitFor(
      String siteKey, long venueId, TimeRange range, String applicant, String email, Instant now) {
    return jdbc.one(
            "insert into booking_waitlist (site_key, venue_id, during, applicant, email, state,"
                + " created_at) values (?, ?, ?::tstzrange, ?, ?, 'waiting', ?) on conflict (venue_id,"
                + " during, applicant) do update set state = 'waiting', offered_at = null returning id",
            r -> r.getLong(1),
            siteKey,
            venueId,
            range.literal(),
            applicant,
            email,
            now)
        .orElseThrow();
  }

  /** The first waiting citizen of a range, locked (offered once, in order). */
  public Optional<Waiting> firstWaiting(long venueId, TimeRange range) {
    return jdbc.one(
        "select id, site_key, venue_id, lower(during) f, upper(during) t, applicant, email, state from"
            + " booking_waitlist where venue_id = ? and during = ?::tstzrange and state = 'waiting'"
            + " order by created_at, id limit 1 for update skip locked",
        BookingStore::waiting,
        venueId,
        range.literal());
  }

  /**
   * A venue's waitlist in order (an untyped null parameter is an error in PostgreSQL: no "? is
   * null").
   */
  public List<Waiting> waitlist(long venueId) {
    return jdbc.list(
        "select id, site_key, venue_id, lower(during) f, upper(during) t, applicant, email, state from"
            + " booking_waitlist where venue_id = ? order by created_at, id",
        BookingStore::waiting,
        venueId);
  }

  /** Offers that expired before a time, locked. */
  public List<Waiting> offersBefore(Instant before) {
    return jdbc.list(
        "select id, site_key, venue_id, lower(during) f, upper(during) t, applicant, email, state from"
            + " booking_waitlist where state = 'offered' and offered_at < ? for update skip locked",
        BookingStore::waiting,
        before);
  }

  public void waitlistState(long id, String state, Instant offeredAt) {
    jdbc.update(
        "update booking_waitlist set state = ?, offered_at = coalesce(?, offered_at) where id = ?",
        state,
        offeredAt == null ? null : java.sql.Timestamp.from(offeredAt),
        id);
  }

  /** The applicant's open offer for a range, if the waitlist offered it to them. */
  public Optional<Waiting> offerTo(long venueId, TimeRange range, String applicant) {
    return jdbc.one(
        "select id, site_key, venue_id, lower(during) f, upper(during) t, applicant, email, state from"
            + " booking_waitlist where venue_id = ? and during = ?::tstzrange and applicant = ? and"
            + " state = 'offered' for update",
        BookingStore::waiting,
        venueId,
        range.literal(),
        applicant);
  }

  /** Whether someone else holds an open offer over a range (kept for them until it expires). */
  public boolean offeredToOther(long venueId, TimeRange range, String applicant) {
    return jdbc.longValue(
            "select count(*) from booking_waitlist where venue_id = ? and during && ?::tstzrange and"
                + " state = 'offered' and applicant <> ?",
            venueId,
            range.literal(),
            applicant)
        > 0;
  }

  private static Waiting waiting(ResultSet r) throws SQLException {
    return new Waiting(
        r.getLong("id"),
        r.getString("site_key"),
        r.getLong("venue_id"),
        new TimeRange(r.getTimestamp("f").toInstant(), r.getTimestamp("t").toInstant()),
        r.getString("applicant"),
        r.getString("email"),
        r.getString("state"));
  }

  private Optional<Booking> first(List<Booking> rows) {
    return rows.isEmpty() ? Optional.empty() : Optional.of(withSlots(rows).get(0));
  }

  private List<Booking> withSlots(List<Booking> bookings) {
    if (bookings.isEmpty()) {
      return bookings;
    }
    Map<Long, List<TimeRange>> slots = new HashMap<>();
    jdbc.list(
        "select booking_id, lower(during) f, upper(during) t from booking_slot where booking_id ="
            + " any (?) order by lower(during)",
        r -> {
          slots
              .computeIfAbsent(r.getLong(1), k -> new ArrayList<>())
              .add(new TimeRange(r.getTimestamp("f").toInstant(), r.getTimestamp("t").toInstant()));
          return null;
        },
        (Object) bookings.stream().map(Booking::id).toArray(Long[]::new));
    return bookings.stream()
        .map(
            b ->
                new Booking(
                    b.id(),
                    b.number(),
                    b.siteKey(),
                    b.venueId(),
                    b.applicant(),
                    b.email(),
                    b.applicantName(),
                    b.phone(),
                    b.organisation(),
                    b.purpose(),
                    b.attendees(),
                    b.discount(),
                    b.state(),
                    b.fee(),
                    b.paymentId(),
                    b.paidAmount(),
                    b.refundAmount(),
                    b.message(),
                    b.calendarKey(),
                    List.copyOf(slots.getOrDefault(b.id(), List.of())),
                    b.demo(),
                    b.createdAt(),
                    b.updatedAt()))
        .toList();
  }

  private static Booking row(ResultSet r) throws SQLException {
    return new Booking(
        r.getLong("id"),
        r.getString("number"),
        r.getString("site_key"),
        r.getLong("venue_id"),
        r.getString("applicant"),
        r.getString("email"),
        r.getString("applicant_name"),
        r.getString("phone"),
        r.getString("organisation"),
        r.getString("purpose"),
        r.getInt("attendees"),
        r.getString("discount"),
        BookingState.of(r.getString("state")),
        r.getInt("fee"),
        r.getString("payment_id"),
        r.getInt("paid_amount"),
        r.getInt("refund_amount"),
        r.getString("message"),
        r.getString("calendar_key"),
        List.of(
            new TimeRange(
                r.getTimestamp("starts_at").toInstant(), r.getTimestamp("ends_at").toInstant())),
        r.getBoolean("demo"),
        r.getTimestamp("created_at").toInstant(),
        r.getTimestamp("updated_at").toInstant());
  }
}
