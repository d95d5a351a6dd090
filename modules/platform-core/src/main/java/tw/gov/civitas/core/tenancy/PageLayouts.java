package tw.gov.civitas.core.tenancy;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tw.gov.civitas.core.error.FieldError;
import tw.gov.civitas.core.module.ModuleRegistry;
import tw.gov.civitas.spi.FieldDescriptor;
import tw.gov.civitas.spi.PageModuleDescriptor;

/**
 * A site's page layouts: for its home page and any section page, the page modules in each region
 * with the settings of each placement. Checked here, for site settings and site templates alike:
 * known regions, installed page modules of enabled modules, settings as short texts.
 */
public final class PageLayouts {

  /** The regions a theme lays out: a banner band, the main column and a side column. */
  public static final List<String> REGIONS = List.of("hero", "main", "side");

  /** One page module in a region, with its settings. */
  public record Placement(String module, Map<String, String> settings) {}

  private PageLayouts() {}

  /**
   * The layouts as stored, checked; errors are added under {@code pageLayouts...}.
   *
   * @return the normalised layouts (settings as strings), or null when there were errors
   */
  public static JsonObject check(
      JsonValue layouts,
      ModuleRegistry registry,
      Collection<String> enabledModules,
      List<FieldError> errors) {
    int before = errors.size();
    if (!(layouts instanceof JsonObject pages)) {
      errors.add(new FieldError("pageLayouts", "must be an object: page → region → placements"));
      return null;
    }
    JsonObjectBuilder out = Json.createObjectBuilder();
    pages.forEach(
        (page, regions) -> {
          String at = "pageLayouts." + page;
          if (!page.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            errors.add(new FieldError(at, "must be home or a page's slug"));
            return;
          }
          if (!(regions instanceof JsonObject byRegion)) {
            errors.add(new FieldError(at, "must be an object: region → placements"));
            return;
          }
          JsonObjectBuilder pageOut = Json.createObjectBuilder();
          byRegion.forEach(
              (region, placements) -> {
                String rat = at + "." + region;
                if (!REGIONS.contains(region)) {
                  errors.add(new FieldError(rat, "is not a region; regions are " + REGIONS));
                  return;
                }
                if (placements.getValueType() != JsonValue.ValueType.ARRAY
                    || placements.asJsonArray().size() > 20) {
                  errors.add(new FieldError(rat, "must be a list of at most 20 placements"));
                  return;
                }
                JsonArrayBuilder list = Json.createArrayBuilder();
                int i = 0;
                for (JsonValue p : placements.asJsonArray()) {
                  String pat = rat + "[" + i++ + "]";
                  if (!(p instanceof JsonObject placement)
                      || !(placement.get("module") instanceof JsonString id)) {
                    errors.add(new FieldError(pat, "must be {\"module\": id, \"settings\": {}}"));
                    continue;
                  }
                  var descriptor = registry.pageModule(id.getString());
                  if (descriptor.isEmpty()) {
                    errors.add(new FieldError(pat + ".module", "is not an installed page module"));
                    continue;
                  }
                  if (!registry.enabledOn(enabledModules, descriptor.get().moduleId())) {
                    errors.add(
                        new FieldError(
                            pat + ".module",
                            "belongs to module '"
                                + descriptor.get().moduleId()
                                + "', which the site does not enable"));
                    continue;
                  }
                  JsonObjectBuilder settings = Json.createObjectBuilder();
                  JsonValue given = placement.get("settings");
                  if (given != null && given.getValueType() != JsonValue.ValueType.NULL) {
                    if (!(given instanceof JsonObject s) || s.size() > 20) {
                      errors.add(
                          new FieldError(pat + ".settings", "must be an object of settings"));
                      continue;
                    }
                    s.forEach(
                        (name, value) -> {
                          String text =
                              value instanceof JsonString str
                                  ? str.getString()
                                  : value instanceof JsonNumber n
                                      ? n.toString()
                                      : value == JsonValue.TRUE || value == JsonValue.FALSE
                                          ? value.toString()
                                          : null;
                          if (!name.matches("[A-Za-z][A-Za-z0-9.-]{0,63}")
                              || text == null
                              || text.length() > 500) {
                            errors.add(
                                new FieldError(
                                    pat + ".settings." + name,
                                    "must be a text, number or boolean of at most 500 characters"));
                          } else {
                            String refused = refused(descriptor.get(), name, text);
                            if (refused != null) {
                              errors.add(new FieldError(pat + ".settings." + name, refused));
                            } else {
                              settings.add(name, text);
                            }
                          }
                        });
                  }
                  list.add(
                      Json.createObjectBuilder()
                          .add("module", id.getString())
                          .add("settings", settings));
                }
                pageOut.add(region, list);
              });
          out.add(page, pageOut);
        });
    return errors.size() == before ? out.build() : null;
  }

  /**
   * Why a module refuses a setting's value, or null: a module that declares its settings takes only
   * those, each of its kind (one that declares none takes any short text).
   */
  static String refused(PageModuleDescriptor module, String name, String text) {
    if (module.settings().isEmpty()) {
      return null;
    }
    FieldDescriptor setting =
        module.settings().stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    if (setting == null) {
      return "is not a setting of "
          + module.id()
          + "; its settings are "
          + module.settings().stream().map(FieldDescriptor::name).toList();
    }
    if (text.isEmpty()) {
      return null; // an empty setting is the module's default
    }
    return switch (setting.kind()) {
      case INTEGER -> {
        try {
          long v = Long.parseLong(text.strip());
          boolean low = setting.min() != null && v < setting.min();
          boolean high = setting.max() != null && v > setting.max();
          yield !low && !high
              ? null
              : setting.min() != null && setting.max() != null
                  ? "must be a number from "
                      + setting.min().longValue()
                      + " to "
                      + setting.max().longValue()
                  : low
                      ? "must be at least " + setting.min().longValue()
                      : "must be at most " + setting.max().longValue();
        } catch (NumberFormatException e) {
          yield "must be a whole number";
        }
      }
      case BOOLEAN -> text.equals("true") || text.equals("false") ? null : "must be true or false";
      case ENUM ->
          setting.allowedValues().contains(text)
              ? null
              : "must be one of " + setting.allowedValues();
      case URL ->
          text.matches("(?i)(https?://|/)[^\\s]*") ? null : "must be an http(s) address or a path";
      default ->
          setting.maxLength() > 0 && text.length() > setting.maxLength()
              ? "must be at most " + setting.maxLength() + " characters"
              : null;
    };
  }

  /** The placements of one page, region by region (regions in theme order, missing ones empty). */
  public static Map<String, List<Placement>> placements(JsonObject layouts, String page) {
    Map<String, List<Placement>> out = new java.util.LinkedHashMap<>();
    JsonObject regions = layouts.getJsonObject(page);
    for (String region : REGIONS) {
      List<Placement> list = new ArrayList<>();
      if (regions != null && regions.get(region) instanceof jakarta.json.JsonArray placements) {
        for (JsonValue v : placements) {
          JsonObject p = v.asJsonObject();
          Map<String, String> settings = new java.util.LinkedHashMap<>();
          JsonObject s = p.getJsonObject("settings");
          if (s != null) {
            s.forEach((k, value) -> settings.put(k, ((JsonString) value).getString()));
          }
          list.add(new Placement(p.getString("module"), settings));
        }
      }
      out.put(region, list);
    }
    return out;
  }

  /** The pages that have a layout. */
  public static Set<String> pages(JsonObject layouts) {
    return layouts.keySet();
  }
}
