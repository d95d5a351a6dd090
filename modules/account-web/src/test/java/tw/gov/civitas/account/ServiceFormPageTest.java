package tw.gov.civitas.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.spi.CitizenFormDescriptor;
import tw.gov.civitas.spi.CitizenFormHandler;
import tw.gov.civitas.spi.CitizenFormPreparation;
import tw.gov.civitas.spi.CitizenFormPreparation.Option;
import tw.gov.civitas.spi.FieldDescriptor;
import tw.gov.civitas.spi.FieldKind;

/** The HTML a citizen form's fields become, without a server. */
class ServiceFormPageTest {

  static final class Handler implements CitizenFormHandler {}

  private static final ServiceFormPage.Target TARGET =
      new ServiceFormPage.Target(
          new Site(null, "xitun-district", "西屯區公所", "Xitun District Office"),
          CitizenFormDescriptor.builder("test.appointment")
              .title("預約", "Appointment")
              .field(
                  FieldDescriptor.number("people", FieldKind.INTEGER, true, 1.0, 5.0),
                  "人數",
                  "People")
              .field(FieldDescriptor.of("day", FieldKind.DATE, false), "日期", "Day")
              .field(FieldDescriptor.of("accept", FieldKind.BOOLEAN, true), "同意條款", "I accept")
              .field(FieldDescriptor.choice("slot", true, true), "時段", "Slots")
              .field(FieldDescriptor.oneOf("desk", true, List.of("a", "b")), "櫃檯", "Desk")
              .handler(Handler.class)
              .build());

  private static final CitizenFormPreparation PREPARED =
      CitizenFormPreparation.builder()
          .intro("您預約的是 <A> 櫃檯。", "You are booking desk <A>.")
          .options(
              "slot",
              List.of(new Option("09:00", "九點", "9 am"), new Option("11:00", "十一點", "11 am")))
          .context("room", "3\"><script>")
          .build();

  private static String form(Map<String, String> values, Map<String, String> errors) {
    return ServiceFormPage.form(
        TARGET, "en", PREPARED, errors.isEmpty() ? null : "Please correct", values, errors, "tok");
  }

  @Test
  void eachKindHasItsOwnInput() {
    String html = form(Map.of("people", "1", "day", "2026-12-10"), Map.of());
    assertTrue(
        html.contains(
            "<input type=\"number\" inputmode=\"numeric\" step=\"1\" id=\"field-people\""
                + " name=\"people\" min=\"1\" max=\"5\" required value=\"1\">"),
        html);
    assertTrue(
        html.contains("<input type=\"date\" id=\"field-day\" name=\"day\" value=\"2026-12-10\">"),
        html);
    assertTrue(
        html.contains(
            "<input type=\"checkbox\" id=\"field-accept\" name=\"accept\" value=\"true\""
                + " required> <label for=\"field-accept\">I accept (required)</label>"),
        html);
    assertTrue(html.contains("<fieldset class=\"field\"><legend>Slots (required)</legend>"), html);
    assertTrue(
        html.contains(
            "<input type=\"checkbox\" id=\"field-slot\" name=\"slot\" value=\"09:00\"> <label"
                + " for=\"field-slot\">9 am</label>"),
        html);
    assertTrue(html.contains("id=\"field-slot-2\" name=\"slot\" value=\"11:00\">"), html);
    assertTrue(
        html.contains(
            "<input type=\"radio\" id=\"field-desk\" name=\"desk\" value=\"a\" required> <label"
                + " for=\"field-desk\">a</label>"),
        html);
    assertTrue(html.contains("<div id=\"intro\"><p>You are booking desk &lt;A&gt;.</p></div>"));
    assertTrue(
        html.contains("<input type=\"hidden\" name=\"room\" value=\"3&quot;&gt;&lt;script&gt;\">"),
        html);
    assertFalse(html.contains("<script>"));
  }

  @Test
  void aReturnedFormKeepsWhatWasSentAndMarksItsErrors() {
    String html =
        form(
            Map.of("people", "9", "accept", "false", "slot", "11:00", "desk", "b"),
            Map.of("people", "must be a whole number from 1 to 5", "slot", "is wrong"));
    assertTrue(
        html.contains(
            "name=\"people\" min=\"1\" max=\"5\" required aria-invalid=\"true\""
                + " aria-describedby=\"field-people-error\" value=\"9\">"),
        html);
    assertTrue(
        html.contains(
            "<fieldset class=\"field\" aria-describedby=\"field-slot-error\"><legend>Slots"
                + " (required)</legend><p class=\"field-error\" id=\"field-slot-error\">is"
                + " wrong</p>"),
        html);
    assertTrue(html.contains("value=\"11:00\" checked aria-invalid=\"true\">"), html);
    assertTrue(html.contains("value=\"09:00\" aria-invalid=\"true\">"), html);
    assertTrue(html.contains("value=\"b\" checked required>"), html);
    assertTrue(html.contains("name=\"accept\" value=\"true\" required>"), html);
    assertTrue(
        html.contains("<a href=\"#field-people\">People: must be a whole number from 1 to 5</a>"),
        html);
  }

  @Test
  void aRefusalLinksBackToTheSite() {
    String page =
        ServiceFormPage.page(
            TARGET,
            "en",
            Map.of("desk", "z&x"),
            ServiceFormPage.refusal(TARGET, "en", "No desk <z>"));
    assertTrue(
        page.contains(
            "<p id=\"refusal\">No desk &lt;z&gt;</p><p><a id=\"back\""
                + " href=\"/sites/xitun-district/?lang=en\">Back to Xitun District Office</a></p>"),
        page);
    assertTrue(page.contains("<h1>Appointment</h1>"), page);
    assertTrue(
        page.contains("href=\"/account/services/xitun-district/test.appointment?desk=z%26x\""),
        page);
    assertFalse(page.contains("<form"));
  }
}
