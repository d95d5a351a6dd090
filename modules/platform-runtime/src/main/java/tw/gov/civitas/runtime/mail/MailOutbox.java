package tw.gov.civitas.runtime.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import tw.gov.civitas.runtime.OwnTransactions;
import tw.gov.civitas.runtime.services.AdjustableClock;
import tw.gov.civitas.runtime.services.RuntimeConfiguration;
import tw.gov.civitas.runtime.services.RuntimeModuleDatabase;
import tw.gov.civitas.spi.runtime.Mail;

/**
 * The mail the platform owes: {@link #enqueue} writes it in the caller's transaction, the first
 * attempt follows the commit, and {@link #deliverDue} (the scheduler, every tick) retries what
 * failed with a growing wait ({@code civitas.mail.backoff-seconds} × 2^attempts, 60 s by default)
 * until {@value #MAX_ATTEMPTS} attempts. Each attempt holds the row's lock ({@code for update skip
 * locked}), so one mail is sent once across a cluster.
 */
@ApplicationScoped
public class MailOutbox {

  static final int MAX_ATTEMPTS = 10;
  private static final Logger LOG = Logger.getLogger(MailOutbox.class.getName());

  @Inject RuntimeModuleDatabase database;
  @Inject AdjustableClock clock;
  @Inject OwnTransactions transactions;
  @Inject SmtpRelay relay;

  /**
   * In the caller's transaction (or on its own without one); the first attempt runs after it
   * commits.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public void enqueue(Mail mail) {
    long id;
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "insert into mail_outbox (recipients, subject, body, created_at, next_attempt_at) values (?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
      Timestamp now = Timestamp.from(clock.now());
      s.setString(1, String.join(",", mail.recipients()));
      s.setString(
          2, mail.subject().length() > 500 ? mail.subject().substring(0, 500) : mail.subject());
      s.setString(3, mail.text());
      s.setTimestamp(4, now);
      s.setTimestamp(5, now);
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not queue mail '" + mail.subject() + "'", e);
    }
    transactions.afterCommit(() -> transactions.run(() -> attempt(id)));
  }

  /** Sends every mail whose next attempt is due; returns how many went out. */
  public int deliverDue() {
    List<Long> due = new ArrayList<>();
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select id from mail_outbox where sent_at is null and failed_at is null and next_attempt_at <= ?"
                    + " order by id limit 50")) {
      s.setTimestamp(1, Timestamp.from(clock.now()));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          due.add(r.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the mail outbox", e);
    }
    int sent = 0;
    for (long id : due) {
      boolean[] ok = {false};
      transactions.run(() -> ok[0] = attempt(id));
      sent += ok[0] ? 1 : 0;
    }
    return sent;
  }

  /** One attempt at one mail, in the caller's (own) transaction; false if it was not sent now. */
  boolean attempt(long id) {
    try (Connection c = database.dataSource().getConnection()) {
      Mail mail;
      int attempts;
      try (PreparedStatement s =
          c.prepareStatement(
              "select recipients, subject, body, attempts from mail_outbox"
                  + " where id = ? and sent_at is null and failed_at is null for update skip locked")) {
        s.setLong(1, id);
        try (ResultSet r = s.executeQuery()) {
          if (!r.next()) {
            return false; // sent already, given up, or another node holds it
          }
          String[] to = r.getString(1).split(",");
          Mail.Builder b = Mail.to(to[0]);
          for (int i = 1; i < to.length; i++) {
            b.to(to[i]);
          }
          mail = b.subject(r.getString(2)).text(r.getString(3)).build();
          attempts = r.getInt(4) + 1;
        }
      }
      Instant now = clock.now();
      try {
        relay.send(mail);
      } catch (RuntimeException | jakarta.mail.MessagingException e) {
        boolean giveUp = attempts >= MAX_ATTEMPTS;
        long wait = backoffSeconds() * (1L << Math.min(attempts - 1, 12));
        try (PreparedStatement u =
            c.prepareStatement(
                "update mail_outbox set attempts = ?, next_attempt_at = ?,"
                    + " last_error = ?, failed_at = ? where id = ?")) {
          u.setInt(1, attempts);
          u.setTimestamp(2, Timestamp.from(now.plus(Duration.ofSeconds(wait))));
          String error = String.valueOf(e.getMessage());
          u.setString(3, error.length() > 500 ? error.substring(0, 500) : error);
          u.setTimestamp(4, giveUp ? Timestamp.from(now) : null);
          u.setLong(5, id);
          u.executeUpdate();
        }
        LOG.warning(
            () ->
                "Mail "
                    + id
                    + " ('"
                    + mail.subject()
                    + "') not sent, attempt "
                    + attempts
                    + (giveUp ? "; given up" : "; next in " + wait + " s")
                    + ": "
                    + e.getMessage());
        return false;
      }
      try (PreparedStatement u =
          c.prepareStatement(
              "update mail_outbox set attempts = ?, sent_at = ?, last_error = null where id = ?")) {
        u.setInt(1, attempts);
        u.setTimestamp(2, Timestamp.from(now));
        u.setLong(3, id);
        u.executeUpdate();
      }
      return true;
    } catch (SQLException e) {
      throw new IllegalStateException("could not update the mail outbox", e);
    }
  }

  private static long backoffSeconds() {
    return RuntimeConfiguration.setting("civitas.mail.backoff-seconds")
        .map(Long::parseLong)
        .orElse(60L);
  }
}
