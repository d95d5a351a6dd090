package tw.gov.civitas.spi.runtime;

/**
 * Sends e-mail through the platform's SMTP relay ({@code CIVITAS_SMTP_HOST}, {@code CIVITAS_SMTP_PORT},
 * {@code CIVITAS_SMTP_FROM}). A mail is sent only when the current transaction commits, so a write
 * that rolls back never mails anyone; without a transaction it is sent at once.
 */
public interface MailSender {

  void send(Mail mail);
}
