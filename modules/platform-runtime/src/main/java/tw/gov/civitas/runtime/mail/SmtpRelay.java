package tw.gov.civitas.runtime.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import tw.gov.civitas.runtime.services.RuntimeConfiguration;
import tw.gov.civitas.spi.runtime.Mail;

/**
 * Plain SMTP to the relay the environment names ({@code CIVITAS_SMTP_HOST}, {@code
 * CIVITAS_SMTP_PORT}, {@code CIVITAS_SMTP_FROM}, optionally {@code CIVITAS_SMTP_USER}/{@code
 * CIVITAS_SMTP_PASSWORD} with STARTTLS).
 */
@ApplicationScoped
public class SmtpRelay {

  public void send(Mail mail) throws MessagingException {
    MimeMessage message = new MimeMessage(session());
    message.setFrom(
        new InternetAddress(
            RuntimeConfiguration.setting("civitas.smtp.from")
                .orElse("no-reply@civitas.example.tw")));
    for (String to : mail.recipients()) {
      message.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
    }
    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    message.setText(mail.text(), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    Transport.send(message);
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
    return Session.getInstance(
        p,
        new jakarta.mail.Authenticator() {
          @Override
          protected jakarta.mail.PasswordAuthentication getPasswordAuthentication() {
            return new jakarta.mail.PasswordAuthentication(user, password);
          }
        });
  }
}
