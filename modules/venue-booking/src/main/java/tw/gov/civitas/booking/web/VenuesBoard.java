package tw.gov.civitas.booking.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tw.gov.civitas.booking.data.VenueStore;
import tw.gov.civitas.booking.model.TimeRange;
import tw.gov.civitas.booking.model.Venue;
import tw.gov.civitas.booking.service.Blackouts;
import tw.gov.civitas.booking.service.VenueAdministration;
import tw.gov.civitas.spi.runtime.AccessDeniedException;
import tw.gov.civitas.spi.runtime.ConflictException;
import tw.gov.civitas.spi.runtime.InvalidInputException;
import tw.gov.civitas.spi.runtime.NotFoundException;
import tw.gov.civitas.spi.runtime.PlatformClock;

/**
 * {@code venues.xhtml}: the site's venues, a form to add or change one (its hours, slots, fees and
 * rules as plain inputs), and the blackouts of the venue being edited.
 */
@Named("bookingVenuesBoard")
@ViewScoped
public class VenuesBoard implements Serializable {

  private static final long serialVersionUID = 1L;

  static final Map<String, String> LABELS = new LinkedHashMap<>();

  static {
    LABELS.put("nameZh", "名稱 Name (中文)");
    LABELS.put("nameEn", "名稱 Name (English)");
    LABELS.put("address", "地址 Address");
    LABELS.put("capacity", "容納人數 Capacity");
    LABELS.put("opening", "開放時間 Opening hours");
    LABELS.put("slots", "時段 Slots");
    LABELS.put("slots.fixed", "固定時段 Fixed slots");
    LABELS.put("slots.granularityMinutes", "單位分鐘 Step minutes");
    LABELS.put("slots.minMinutes", "最短分鐘 Shortest");
    LABELS.put("slots.maxMinutes", "最長分鐘 Longest");
    LABELS.put("fees", "費用 Fees");
    LABELS.put("fees.discounts", "優待 Discounts");
    LABELS.put("rules", "規定 Rules");
    LABELS.put("termsZh", "使用規定 Terms (中文)");
    LABELS.put("reason", "原因 Reason");
    LABELS.put("start", "開始 Start");
    LABELS.put("end", "結束 End");
  }

  @Inject VenueStore store;
  @Inject VenueAdministration administration;
  @Inject Blackouts blackouts;
  @Inject PlatformClock clock;

  /** The form's inputs, as texts (Faces binds them by name). */
  private final Map<String, String> form = new LinkedHashMap<>();

  private Long editing;
  private List<Venue> venues;

  public VenuesBoard() {
    clear();
  }

  public List<Venue> getVenues() {
    if (venues == null) {
      venues = store.list(EditorMessages.site());
    }
    return venues;
  }

  public Map<String, String> getForm() {
    return form;
  }

  public Long getEditing() {
    return editing;
  }

  public List<VenueStore.Blackout> getBlackouts() {
    if (editing == null) {
      return List.of();
    }
    java.time.Instant now = clock.now();
    return store.blackouts(
        editing, new TimeRange(now.minusSeconds(86_400L * 30), now.plusSeconds(86_400L * 800)));
  }

  public String when(TimeRange r) {
    return r.localStart().toString().replace('T', ' ')
        + " – "
        + r.localEnd().toString().replace('T', ' ');
  }

  public void edit(long id) {
    Venue v = store.find(EditorMessages.site(), id).orElse(null);
    if (v == null) {
      EditorMessages.error("找不到場地 No such venue");
      return;
    }
    editing = id;
    form.clear();
    clear();
    form.put("nameZh", v.nameZh());
    form.put("nameEn", v.nameEn());
    form.put("descriptionZh", v.descriptionZh());
    form.put("address", v.address());
    form.put("capacity", String.valueOf(v.capacity()));
    form.put("facilities", String.join("\n", v.facilities()));
    form.put("accessibility", v.accessibility());
    for (DayOfWeek d : DayOfWeek.values()) {
      Venue.Hours h = v.opening().get(d);
      form.put("day" + d.getValue(), h == null ? "" : h.opens() + "-" + h.closes());
    }
    form.put("mode", v.fixedMode() ? "fixed" : "flexible");
    StringBuilder fixed = new StringBuilder();
    v.fixedSlots()
        .forEach(
            f ->
                fixed
                    .append(f.name())
                    .append(' ')
                    .append(f.start())
                    .append('-')
                    .append(f.end())
                    .append('\n'));
    form.put("fixed", fixed.toString().strip());
    form.put("granularity", String.valueOf(v.granularityMinutes()));
    form.put("minMinutes", String.valueOf(v.minMinutes()));
    form.put("maxMinutes", String.valueOf(v.maxMinutes()));
    form.put("perSlot", String.valueOf(v.feePerSlot()));
    form.put("perHour", String.valueOf(v.feePerHour()));
    StringBuilder discounts = new StringBuilder();
    v.discounts().forEach((k, p) -> discounts.append(k).append(' ').append(p).append('\n'));
    form.put("discounts", discounts.toString().strip());
    form.put("minNoticeHours", String.valueOf(v.rules().minNoticeHours()));
    form.put("maxAdvanceDays", String.valueOf(v.rules().maxAdvanceDays()));
    form.put(
        "quotaPerWeek",
        v.rules().quotaPerWeek() == null ? "" : String.valueOf(v.rules().quotaPerWeek()));
    form.put(
        "quotaPerMonth",
        v.rules().quotaPerMonth() == null ? "" : String.valueOf(v.rules().quotaPerMonth()));
    form.put("cancelDeadlineHours", String.valueOf(v.rules().cancelDeadlineHours()));
    form.put("refundPercent", String.valueOf(v.rules().refundPercent()));
    form.put("termsZh", v.termsZh());
    form.put("termsEn", v.termsEn());
    form.put("approval", String.valueOf(v.approvalRequired()));
  }

  public void cancelEdit() {
    editing = null;
    form.clear();
    clear();
  }

  public void save() {
    Map<String, String> errors = new LinkedHashMap<>();
    JsonObjectBuilder body = Json.createObjectBuilder();
    text(body, "nameZh");
    text(body, "nameEn");
    text(body, "descriptionZh");
    text(body, "address");
    text(body, "accessibility");
    text(body, "termsZh");
    text(body, "termsEn");
    number(body, "capacity", body, errors);
    JsonArrayBuilder facilities = Json.createArrayBuilder();
    for (String f : form.getOrDefault("facilities", "").split("\n")) {
      if (!f.isBlank()) {
        facilities.add(f.strip());
      }
    }
    body.add("facilities", facilities);
    JsonObjectBuilder opening = Json.createObjectBuilder();
    for (int d = 1; d <= 7; d++) {
      String h = form.getOrDefault("day" + d, "").strip();
      if (!h.isEmpty()) {
        opening.add(String.valueOf(d), h);
      }
    }
    body.add("opening", opening);
    JsonObjectBuilder slots =
        Json.createObjectBuilder().add("mode", form.getOrDefault("mode", "fixed"));
    if ("fixed".equals(form.get("mode"))) {
      JsonArrayBuilder fixed = Json.createArrayBuilder();
      for (String line : form.getOrDefault("fixed", "").split("\n")) {
        String l = line.strip();
        int space = l.lastIndexOf(' ');
        if (l.isEmpty()) {
          continue;
        }
        String[] times = space < 0 ? new String[0] : l.substring(space + 1).split("-");
        if (times.length != 2) {
          errors.put(
              "slots.fixed", "每行一個時段：名稱 開始-結束，例如「上午 08:00-12:00」 One slot a line: name start-end");
          continue;
        }
        fixed.add(
            Json.createObjectBuilder()
                .add("name", l.substring(0, space).strip())
                .add("start", times[0])
                .add("end", times[1]));
      }
      slots.add("fixed", fixed);
    } else {
      JsonObjectBuilder flexible = slots;
      number(flexible, "granularity", "granularityMinutes", errors, "slots.granularityMinutes");
      number(flexible, "minMinutes", "minMinutes", errors, "slots.minMinutes");
      number(flexible, "maxMinutes", "maxMinutes", errors, "slots.maxMinutes");
    }
    body.add("slots", slots);
    JsonObjectBuilder fees = Json.createObjectBuilder();
    number(fees, "perSlot", "perSlot", errors, "fees");
    number(fees, "perHour", "perHour", errors, "fees");
    JsonObjectBuilder discounts = Json.createObjectBuilder();
    for (String line : form.getOrDefault("discounts", "").split("\n")) {
      String[] parts = line.strip().split("\\s+");
      if (line.isBlank()) {
        continue;
      }
      try {
        discounts.add(parts[0], Integer.parseInt(parts[1]));
      } catch (RuntimeException e) {
        errors.put("fees.discounts", "每行：類別 折扣百分比，例如「senior 50」 One a line: category percent");
      }
    }
    fees.add("discounts", discounts);
    body.add("fees", fees);
    JsonObjectBuilder rules = Json.createObjectBuilder();
    for (String rule :
        List.of(
            "minNoticeHours",
            "maxAdvanceDays",
            "quotaPerWeek",
            "quotaPerMonth",
            "cancelDeadlineHours",
            "refundPercent")) {
      number(rules, rule, rule, errors, "rules");
    }
    body.add("rules", rules);
    body.add("approvalRequired", Boolean.parseBoolean(form.getOrDefault("approval", "true")));
    if (!errors.isEmpty()) {
      EditorMessages.fields("venue", errors, LABELS);
      return;
    }
    try {
      if (editing == null) {
        Venue v = administration.create(EditorMessages.site(), body.build());
        EditorMessages.info("已新增場地 Venue added: " + v.nameZh());
      } else {
        administration.update(EditorMessages.site(), editing, body.build());
        EditorMessages.info("已儲存 Saved");
      }
      venues = null;
      editing = null;
      form.clear();
      clear();
    } catch (InvalidInputException e) {
      EditorMessages.fields("venue", e.fieldErrors(), LABELS);
    } catch (NotFoundException | AccessDeniedException | ConflictException e) {
      EditorMessages.error("未儲存 Not saved: " + e.getMessage());
    }
  }

  public void delete(long id) {
    try {
      administration.delete(EditorMessages.site(), id);
      venues = null;
      EditorMessages.info("已刪除 Removed");
    } catch (NotFoundException | AccessDeniedException | ConflictException e) {
      EditorMessages.error("未刪除 Not removed: " + e.getMessage());
    }
  }

  public void addBlackout() {
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDateTime start = localDateTime(form.get("blackoutStart"), "start", errors);
    LocalDateTime end = localDateTime(form.get("blackoutEnd"), "end", errors);
    if (start != null && end != null && !end.isAfter(start)) {
      errors.put("end", "須晚於開始 Ends after it starts");
    }
    if (!errors.isEmpty()) {
      EditorMessages.fields("blackout", errors, LABELS);
      return;
    }
    try {
      Blackouts.Result r =
          blackouts.add(
              EditorMessages.site(),
              editing,
              new TimeRange(
                  start.atZone(PlatformClock.ZONE).toInstant(),
                  end.atZone(PlatformClock.ZONE).toInstant()),
              form.get("blackoutReason"));
      EditorMessages.info(
          "已設定暫停開放，已通知 "
              + r.affected().size()
              + " 筆預約 Blackout set; holders of "
              + r.affected().size()
              + " bookings were told");
      form.put("blackoutStart", "");
      form.put("blackoutEnd", "");
      form.put("blackoutReason", "");
    } catch (InvalidInputException e) {
      EditorMessages.fields("blackout", e.fieldErrors(), LABELS);
    } catch (NotFoundException | AccessDeniedException e) {
      EditorMessages.error("未設定 Not set: " + e.getMessage());
    }
  }

  public void removeBlackout(long id) {
    try {
      blackouts.remove(EditorMessages.site(), editing, id);
      EditorMessages.info("已移除 Removed");
    } catch (NotFoundException | AccessDeniedException e) {
      EditorMessages.error("未移除 Not removed: " + e.getMessage());
    }
  }

  private static LocalDateTime localDateTime(
      String value, String field, Map<String, String> errors) {
    try {
      return LocalDateTime.parse(value == null ? "" : value.strip());
    } catch (DateTimeParseException e) {
      errors.put(field, "請填日期時間 A date and time");
      return null;
    }
  }

  private void clear() {
    form.putIfAbsent("mode", "fixed");
    form.putIfAbsent("approval", "true");
    form.putIfAbsent("minNoticeHours", "24");
    form.putIfAbsent("maxAdvanceDays", "60");
    form.putIfAbsent("cancelDeadlineHours", "48");
    form.putIfAbsent("refundPercent", "100");
    form.putIfAbsent("granularity", "60");
    form.putIfAbsent("minMinutes", "60");
    form.putIfAbsent("maxMinutes", "240");
    form.putIfAbsent("perSlot", "0");
    form.putIfAbsent("perHour", "0");
    form.putIfAbsent(
        "fixed", "上午 Morning 08:00-12:00\n下午 Afternoon 13:00-17:00\n晚上 Evening 18:00-21:00");
  }

  private void text(JsonObjectBuilder body, String name) {
    body.add(name, form.getOrDefault(name, "").strip());
  }

  private void number(
      JsonObjectBuilder body, String name, JsonObjectBuilder unused, Map<String, String> errors) {
    number(body, name, name, errors, name);
  }

  private void number(
      JsonObjectBuilder body,
      String input,
      String property,
      Map<String, String> errors,
      String field) {
    String v = form.getOrDefault(input, "").strip();
    if (v.isEmpty()) {
      return;
    }
    try {
      body.add(property, Long.parseLong(v));
    } catch (NumberFormatException e) {
      errors.put(field, "請填整數 A whole number");
    }
  }
}
