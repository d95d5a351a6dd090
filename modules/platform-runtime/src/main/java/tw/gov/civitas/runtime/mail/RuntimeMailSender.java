package tw.gov.civitas.runtime.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import tw.gov.civitas.spi.runtime.Mail;
import tw.gov.civitas.spi.runtime.MailSender;

/**
 * The SPI's mail sender: the mail joins the outbox in the caller's transaction (a write that rolls
 * back mails no one) and is sent after the commit, retried while the relay is down ({@link
 * MailOutbox}).
 */
@ApplicationScoped
public class RuntimeMailSender implements MailSender {

  @Inject MailOutbox outbox;

  @Override
  public void send(Mail mail) {
    outbox.enqueue(mail);
  }
}
