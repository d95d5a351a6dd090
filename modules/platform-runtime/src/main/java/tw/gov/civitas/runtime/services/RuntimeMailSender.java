package tw.gov.civitas.runtime.services;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import tw.gov.civitas.runtime.OwnTransactions;
import tw.gov.civitas.spi.runtime.Mail;
import tw.gov.civitas.spi.runtime.MailSender;

/**
 * The SPI's mail sender: plain SMTP to the relay the environment names
 * ({@code CIVITAS_SMTP_HOST}, {@code CIVITAS_SMTP_PORT}, {@code CIVITAS_SMTP_FROM}, optionally
 * {@code CIVITAS_SMTP_USER}/{@code CIVITAS_SMTP_PASSWORD} with STARTTLS), after the transaction commits.
 */
@ApplicationScoped
public class RuntimeMailSender implements MailSender {

  private static final Logger LOG = Logger.getLogger(RuntimeMailSender.class.getName());

  @Inject OwnTransactions transactions;

  @Override
  public void send(Mail mail) {
    transactions.afterCommit(() -> deliver(mail));
  }

  void deliver(Mail mail) {
    try {
      Session session = session();
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(RuntimeConfiguration.setting("civitas.smtp.from")
          .orElse("no-reply@civitas.example.tw")));
      for (String to : mail.recipients()) {
        message.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
      }
      message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
      message.setText(mail.text(), StandardCharsets.UTF_8.name());
      message.setSentDate(new Date());
      Transport.send(message);
    } catch (MessagingException | RuntimeException e) {
      // The write it belongs to has committed: a relay that is down loses the mail, not the write.
      LOG.log(Level.WARNING, "Could not send mail '" + mail.subject() + "' to " + mail.recipients(), e);
    }
  }

  static Session session() {
    Properties p = new Properties();
    p.put("mail.smtp.host", RuntimeConfiguration.setting("civitas.smtp.host").orElse("localhost"));
    p.put("mail.smtp.port", RuntimeConfiguration.setting("civitas.smtp.port").orElse("25"));
    p.put("mail.smtp.connectiontimeout", "5000");
    p.put("mail.smtp.timeout", "10000");
    p.put("mail.smtp.writetimeout", "10000");
    String user = RuntimeConfiguration.setting("civitas.smtp.user").orElse(null);
    if (user == null) {
      return Session.getInstance(p);
    }
    p.put("mail.smtp.auth", "true");
    p.put("mail.smtp.starttls.enable", "true");
    p.put("mail.smtp.starttls.required", "true");
    String password = RuntimeConfiguration.setting("civitas.smtp.password").orElse("");
    return Session.getInstance(p, new jakarta.mail.Authenticator() {
      @Override
      protected jakarta.mail.PasswordAuthentication getPasswordAuthentication() {
        return new jakarta.mail.PasswordAuthentication(user, password);
      }
    });
  }
}
