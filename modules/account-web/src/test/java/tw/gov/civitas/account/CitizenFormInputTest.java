package tw.gov.civitas.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.spi.CitizenFormDescriptor;
import tw.gov.civitas.spi.CitizenFormHandler;
import tw.gov.civitas.spi.CitizenFormPreparation;
import tw.gov.civitas.spi.CitizenFormPreparation.Option;
import tw.gov.civitas.spi.FieldDescriptor;
import tw.gov.civitas.spi.FieldKind;

class CitizenFormInputTest {

  /** Never called: the checks run before any handler. */
  static final class Handler implements CitizenFormHandler {}

  private static final CitizenFormDescriptor APPOINTMENT =
      CitizenFormDescriptor.builder("test.appointment")
          .title("預約", "Appointment")
          .field(FieldDescriptor.text("name", true, 20), "姓名", "Name")
          .field(FieldDescriptor.number("people", FieldKind.INTEGER, true, 1.0, 5.0), "人數", "")
          .field(FieldDescriptor.of("accept", FieldKind.BOOLEAN, true), "同意", "")
          .field(FieldDescriptor.of("news", FieldKind.BOOLEAN, false), "訂閱", "")
          .field(FieldDescriptor.of("day", FieldKind.DATE, false), "日期", "")
          .field(FieldDescriptor.choice("slot", true, true), "時段", "")
          .field(FieldDescriptor.oneOf("desk", false, List.of("a", "b")), "櫃檯", "")
          .field(FieldDescriptor.file("photo", false, 1024, List.of()), "照片", "")
          .handler(Handler.class)
          .build();

  private static final CitizenFormPreparation PREPARED =
      CitizenFormPreparation.builder()
          .options(
              "slot",
              List.of(
                  new Option("09:00", "上午九點", "9 am"),
                  new Option("10:00", "上午十點", "10 am"),
                  new Option("11:00", "上午十一點", "11 am")))
          .context("room", "3")
          .build();

  private static Map<String, List<String>> valid() {
    Map<String, List<String>> sent = new LinkedHashMap<>();
    sent.put("name", List.of("王小明"));
    sent.put("people", List.of("2"));
    sent.put("accept", List.of("true"));
    sent.put("news", List.of());
    sent.put("day", List.of("2026-12-10"));
    sent.put("slot", List.of("11:00", "09:00"));
    sent.put("desk", List.of("b"));
    return sent;
  }

  private static CitizenFormInput.Checked check(Map<String, List<String>> sent) {
    return CitizenFormInput.check(APPOINTMENT, PREPARED, sent);
  }

  private static Map<String, String> errorsWith(String field, String... values) {
    Map<String, List<String>> sent = valid();
    sent.put(field, List.of(values));
    return check(sent).errors();
  }

  @Test
  void aValidFormReachesTheHandlerNormalizedWithItsContext() {
    CitizenFormInput.Checked checked = check(valid());
    assertEquals(Map.of(), checked.errors());
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("name", "王小明");
    expected.put("people", "2");
    expected.put("accept", "true");
    expected.put("news", "false");
    expected.put("day", "2026-12-10");
    expected.put("slot", "09:00,11:00"); // in the order offered
    expected.put("desk", "b");
    expected.put("room", "3");
    assertEquals(expected, checked.values());
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(checked.values().keySet()));
  }

  @Test
  void aWholeNumberMustBeOneWithinItsBounds() {
    String message = "must be a whole number from 1 to 5";
    assertEquals(Map.of("people", message), errorsWith("people", "9"));
    assertEquals(Map.of("people", message), errorsWith("people", "0"));
    assertEquals(Map.of("people", message), errorsWith("people", "2.5"));
    assertEquals(Map.of("people", message), errorsWith("people", "two"));
    assertEquals(Map.of("people", message), errorsWith("people", "99999999999999999999"));
    assertEquals(Map.of("people", "is required"), errorsWith("people", ""));
    Map<String, List<String>> sent = valid();
    sent.put("people", List.of(" +05 "));
    assertEquals("5", check(sent).values().get("people"));
  }

  @Test
  void aRequiredBoxMustBeTickedAndSendsTrueOrNothing() {
    assertEquals(Map.of("accept", "must be ticked"), errorsWith("accept"));
    assertEquals(Map.of("accept", "is ticked or left empty"), errorsWith("accept", "yes"));
    assertEquals(Map.of("news", "is ticked or left empty"), errorsWith("news", "on"));
    assertEquals(Map.of(), errorsWith("news", "true"));
  }

  @Test
  void aDateIsAnIsoDateThatExists() {
    String message = "must be a date (yyyy-mm-dd)";
    assertEquals(Map.of("day", message), errorsWith("day", "2026-02-30"));
    assertEquals(Map.of("day", message), errorsWith("day", "10/12/2026"));
    assertEquals(Map.of("day", message), errorsWith("day", "+12026-01-01"));
    assertEquals(Map.of(), errorsWith("day", "2028-02-29"));
    assertEquals(Map.of(), errorsWith("day"));
  }

  @Test
  void aChoiceTakesOnlyWhatThisRequestOffers() {
    assertEquals(
        Map.of("slot", "\u201c12:00\u201d is not among the choices offered"),
        errorsWith("slot", "09:00", "12:00"));
    assertEquals(Map.of("slot", "choose at least one"), errorsWith("slot"));
    assertEquals(
        Map.of("desk", "\u201cc\u201d is not among the choices offered"), errorsWith("desk", "c"));
    assertEquals(Map.of("desk", "takes one choice only"), errorsWith("desk", "a", "b"));
    Map<String, List<String>> twice = valid();
    twice.put("slot", List.of("10:00", "10:00"));
    assertEquals("10:00", check(twice).values().get("slot"));
    // a slot the handler no longer offers (taken meanwhile) is refused at its field
    CitizenFormPreparation later =
        CitizenFormPreparation.builder()
            .options("slot", List.of(new Option("09:00", "上午九點", "9 am")))
            .build();
    assertEquals(
        Map.of("slot", "\u201c11:00\u201d is not among the choices offered"),
        CitizenFormInput.check(APPOINTMENT, later, valid()).errors());
  }

  @Test
  void aFixedListOffersItsValuesOrThePreparedOnesAmongThem() {
    FieldDescriptor desk = APPOINTMENT.fields().get(6);
    assertEquals(
        List.of(new Option("a", "a", "a"), new Option("b", "b", "b")),
        CitizenFormInput.options(desk, CitizenFormPreparation.none()));
    CitizenFormPreparation labelled =
        CitizenFormPreparation.builder()
            .options(
                "desk",
                List.of(new Option("b", "B 櫃檯", "Desk B"), new Option("z", "Z 櫃檯", "Desk Z")))
            .build();
    assertEquals(
        List.of(new Option("b", "B 櫃檯", "Desk B")), CitizenFormInput.options(desk, labelled));
    assertEquals(
        Map.of(
            "desk",
            "\u201ca\u201d is not among the choices offered",
            "slot",
            "choose at least one"),
        Map.copyOf(
            CitizenFormInput.check(
                    APPOINTMENT,
                    labelled,
                    Map.of(
                        "name",
                        List.of("x"),
                        "people",
                        List.of("1"),
                        "accept",
                        List.of("true"),
                        "desk",
                        List.of("a"),
                        "slot",
                        List.of()))
                .errors()));
  }

  @Test
  void textIsRequiredWithinItsLengthAndFilesAreLeftToTheirStore() {
    assertEquals(Map.of("name", "is required"), errorsWith("name", "  "));
    assertEquals(Map.of("name", "is at most 20 characters"), errorsWith("name", "x".repeat(21)));
    assertEquals(false, check(valid()).values().containsKey("photo"));
  }

  @Test
  void theFormStartsWithThePreparedValues() {
    CitizenFormPreparation prepared =
        CitizenFormPreparation.builder().value("people", "1").value("day", "2026-12-10").build();
    Map<String, String> initial = CitizenFormInput.initial(APPOINTMENT, prepared);
    assertEquals("1", initial.get("people"));
    assertEquals("2026-12-10", initial.get("day"));
    assertEquals("", initial.get("name"));
    assertEquals(false, initial.containsKey("photo"));
    assertEquals(List.of("09:00", "11:00"), List.copyOf(CitizenFormInput.chosen("09:00,11:00")));
    assertEquals("1", CitizenFormInput.bound(1.0));
    assertEquals("2.5", CitizenFormInput.bound(2.5));
  }
}
