package tw.gov.civitas.spi.runtime;

/**
 * Sends e-mail through the platform's SMTP relay ({@code CIVITAS_SMTP_HOST}, {@code
 * CIVITAS_SMTP_PORT}, {@code CIVITAS_SMTP_FROM}). A mail is stored with the current transaction and
 * sent when it commits, so a write that rolls back never mails anyone; without a transaction it is
 * sent at once. While the relay is down the mail waits and is retried with a growing wait (for most
 * of a day), so a confirmation is late, never lost.
 */
public interface MailSender {

  void send(Mail mail);
}
