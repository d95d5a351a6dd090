package tw.gov.civitas.editor;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tw.gov.civitas.core.content.ContentEditing;
import tw.gov.civitas.core.content.ItemFilter;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.core.tenancy.PageLayouts;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteService;
import tw.gov.civitas.core.tenancy.SiteSettings;
import tw.gov.civitas.security.CallerFactory;
import tw.gov.civitas.spi.FieldDescriptor;
import tw.gov.civitas.spi.FieldKind;
import tw.gov.civitas.spi.PageModuleDescriptor;

/**
 * A page's composition, for site administrators: the page modules in each region of the theme
 * (banner, main column, side column), their order, and each placement's settings as its module
 * declares them. Rows are plain inputs read back on every post, like the menu editor's; nothing is
 * stored until the layout is saved, and the site service checks it again.
 */
@Named("pageLayout")
@ViewScoped
public class PageLayoutBean implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Pattern AT =
      Pattern.compile("pageLayouts\\.[^.]+\\.([a-z]+)\\[(\\d+)\\](?:\\.settings\\.(.+)|\\..*)?");

  /** A setting's input of a placement. */
  public record SettingInput(
      String name,
      String id,
      String label,
      String kind,
      String value,
      List<FieldInput.Option> options,
      Long min,
      Long max,
      String error)
      implements Serializable {
    public String getName() {
      return name;
    }

    public String getId() {
      return id;
    }

    public String getLabel() {
      return label;
    }

    public String getKind() {
      return kind;
    }

    public String getValue() {
      return value;
    }

    public List<FieldInput.Option> getOptions() {
      return options;
    }

    public Long getMin() {
      return min;
    }

    public Long getMax() {
      return max;
    }

    public String getError() {
      return error;
    }

    public boolean isSelected(String option) {
      return option.equals(value);
    }
  }

  /** One placed page module. */
  public static class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private String module;
    private String region;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private String error;
    private int index;
    private String name;
    private List<SettingInput> inputs = List.of();

    public String getModule() {
      return module;
    }

    public String getRegion() {
      return region;
    }

    public String getError() {
      return error;
    }

    public int getIndex() {
      return index;
    }

    public String getName() {
      return name;
    }

    public List<SettingInput> getInputs() {
      return inputs;
    }
  }

  /** A region of the page with its rows. */
  public record Region(String key, String label, List<Row> rows) implements Serializable {
    public String getKey() {
      return key;
    }

    public String getLabel() {
      return label;
    }

    public List<Row> getRows() {
      return rows;
    }
  }

  @Inject transient CallerFactory callers;
  @Inject transient SiteAdmission admission;
  @Inject transient SiteService siteService;
  @Inject transient ContentEditing content;
  @Inject transient Platform platform;
  @Inject transient EditorLanguage lang;

  private String site;
  private String page;
  private String siteName;
  private List<FieldInput.Option> pages = List.of();
  private List<FieldInput.Option> modules = List.of();
  private final List<Row> rows = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  // a setting's message by "row/setting", from the last save
  private final Map<String, String> settingErrors = new LinkedHashMap<>();
  private String notice;
  private String focus;

  public void load() throws IOException {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    Site found = admission.admit(site, CoreModule.SITE_MANAGE).orElse(null);
    if (found == null) {
      return;
    }
    if (page == null || !page.matches("[a-z0-9][a-z0-9-]{0,63}")) {
      page = "home";
    }
    siteName = lang.pick(found.getNameZh(), found.getNameEn());
    var caller = callers.current().orElseThrow();
    List<FieldInput.Option> choices = new ArrayList<>();
    choices.add(new FieldInput.Option("home", lang.text("layout.home")));
    content
        .list(
            caller,
            site,
            new ItemFilter("page", null, null, null, null, null, null, null, "title", 1, 100))
        .items()
        .forEach(
            m ->
                choices.add(
                    new FieldInput.Option(
                        m.item().slug(),
                        m.title(lang.getContent()) + " (" + m.item().slug() + ")")));
    pages = choices;
    var registry = platform.registry();
    modules =
        registry.pageModules().stream()
            .filter(d -> registry.enabledOn(found.getEnabledModules(), d.moduleId()))
            .map(d -> new FieldInput.Option(d.id(), lang.pick(d.nameZh(), d.nameEn())))
            .toList();
    rows.clear();
    PageLayouts.placements(found.getPageLayouts(), page)
        .forEach(
            (region, placements) ->
                placements.forEach(
                    p -> {
                      Row r = new Row();
                      r.module = p.module();
                      r.region = region;
                      r.settings.putAll(p.settings());
                      rows.add(r);
                    }));
    describe();
  }

  private Optional<PageModuleDescriptor> descriptor(String module) {
    return platform.registry().pageModule(module);
  }

  /** Each row's name and inputs, in the screen's language, with the messages of the last save. */
  private void describe() {
    sortByRegion();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      r.index = i;
      PageModuleDescriptor d = descriptor(r.module).orElse(null);
      r.name = d == null ? r.module : lang.pick(d.nameZh(), d.nameEn());
      List<SettingInput> inputs = new ArrayList<>();
      List<FieldDescriptor> declared =
          d == null || d.settings().isEmpty()
              ? r.settings.keySet().stream().map(n -> FieldDescriptor.text(n, false, 500)).toList()
              : d.settings();
      for (FieldDescriptor f : declared) {
        inputs.add(input(r, i, f));
      }
      r.inputs = inputs;
    }
  }

  private SettingInput input(Row r, int i, FieldDescriptor f) {
    List<FieldInput.Option> options = List.of();
    if (f.kind() == FieldKind.ENUM) {
      // a content type's short name reads as the type's name
      options =
          f.allowedValues().stream()
              .map(
                  v ->
                      new FieldInput.Option(
                          v,
                          platform
                              .registry()
                              .contentType(v)
                              .map(t -> lang.pick(t.nameZh(), t.nameEn()))
                              .orElse(v)))
              .toList();
    } else if (f.kind() == FieldKind.BOOLEAN) {
      options =
          List.of(
              new FieldInput.Option("true", lang.text("layout.yes")),
              new FieldInput.Option("false", lang.text("layout.no")));
    }
    String label = f.labelZh() == null ? f.name() : lang.pick(f.labelZh(), f.labelEn());
    return new SettingInput(
        f.name(),
        "p-" + i + "-s-" + f.name().replaceAll("[^A-Za-z0-9-]", "_"),
        label,
        switch (f.kind()) {
          case ENUM, BOOLEAN -> "select";
          case INTEGER -> f.min() != null && f.max() != null ? "number" : "text";
          default -> "text";
        },
        r.settings.getOrDefault(f.name(), ""),
        options,
        f.min() == null ? null : f.min().longValue(),
        f.max() == null ? null : f.max().longValue(),
        settingErrors.get(i + "/" + f.name()));
  }

  private void sortByRegion() {
    List<Row> sorted = new ArrayList<>();
    for (String region : PageLayouts.REGIONS) {
      rows.stream().filter(r -> region.equals(r.region)).forEach(sorted::add);
    }
    rows.clear();
    rows.addAll(sorted);
  }

  /** The rows as posted: every action starts from what the user sees and has typed. */
  private void readForm() {
    Map<String, String> p =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    int count = Inputs.number(p.get("p-count"), -1);
    if (count < 0 || count != rows.size()) {
      return; // not this form, or a form of an older page: keep what is shown
    }
    for (int i = 0; i < count; i++) {
      Row r = rows.get(i);
      String region = p.get("p-" + i + "-region");
      if (PageLayouts.REGIONS.contains(region)) {
        r.region = region;
      }
      for (SettingInput in : r.inputs) {
        String v = p.get(in.id());
        if (v != null) {
          r.settings.put(in.name(), v.strip());
        }
      }
    }
  }

  private Row begin(int i) {
    readForm();
    errors.clear();
    settingErrors.clear();
    notice = null;
    focus = null;
    rows.forEach(r -> r.error = null);
    sortByRegion();
    return i >= 0 && i < rows.size() ? rows.get(i) : null;
  }

  /** Moves a module before the one above it in its region. */
  public void up(int i) {
    Row r = begin(i);
    if (r != null && i > 0 && rows.get(i - 1).region.equals(r.region)) {
      rows.set(i, rows.get(i - 1));
      rows.set(i - 1, r);
    }
    finish(r, "up");
  }

  /** Moves a module after the one below it in its region. */
  public void down(int i) {
    Row r = begin(i);
    if (r != null && i + 1 < rows.size() && rows.get(i + 1).region.equals(r.region)) {
      rows.set(i, rows.get(i + 1));
      rows.set(i + 1, r);
    }
    finish(r, "down");
  }

  public void remove(int i) {
    Row r = begin(i);
    if (r != null) {
      rows.remove(r);
      notice = lang.text("layout.removed", r.name);
    }
    finish(null, null);
  }

  /** Adds the module chosen below the regions to the end of the chosen region. */
  public void add() {
    begin(-1);
    Map<String, String> p =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    String module = p.get("add-module");
    String region = p.get("add-region");
    if (modules.stream().anyMatch(o -> o.value().equals(module))
        && PageLayouts.REGIONS.contains(region)) {
      Row r = new Row();
      r.module = module;
      r.region = region;
      rows.add(r);
      finish(r, "up");
      notice = lang.text("layout.added", rows.get(rows.indexOf(r)).name);
    } else {
      finish(null, null);
    }
  }

  private void finish(Row moved, String button) {
    describe();
    if (moved != null && rows.contains(moved)) {
      int region = PageLayouts.REGIONS.indexOf(moved.region);
      int position = 0;
      for (Row r : rows) {
        if (r == moved) {
          break;
        }
        if (r.region.equals(moved.region)) {
          position++;
        }
      }
      focus = "layout-form:regions:" + region + ":rows:" + position + ":" + button;
    }
  }

  public void save() {
    begin(-1);
    JsonObjectBuilder regions = Json.createObjectBuilder();
    Map<String, Integer> at = new LinkedHashMap<>();
    for (String region : PageLayouts.REGIONS) {
      JsonArrayBuilder list = Json.createArrayBuilder();
      int j = 0;
      for (int i = 0; i < rows.size(); i++) {
        Row r = rows.get(i);
        if (!region.equals(r.region)) {
          continue;
        }
        JsonObjectBuilder settings = Json.createObjectBuilder();
        r.settings.forEach(
            (k, v) -> {
              if (!v.isBlank()) {
                settings.add(k, v);
              }
            });
        list.add(Json.createObjectBuilder().add("module", r.module).add("settings", settings));
        at.put(region + "[" + j++ + "]", i);
      }
      regions.add(region, list);
    }
    try {
      Site found = siteService.settings(callers.current().orElseThrow(), site);
      JsonObject layouts =
          Json.createObjectBuilder(found.getPageLayouts()).add(page, regions).build();
      siteService.configure(
          callers.current().orElseThrow(),
          site,
          new SiteSettings(null, null, null, null, null, null, null, null, layouts, null));
      notice = lang.text("layout.saved");
    } catch (ContentValidationException e) {
      e.errors()
          .forEach(
              x -> {
                String message = FieldMessages.localize(x.message(), lang.getLocale());
                Matcher m = AT.matcher(x.field());
                Integer row = m.matches() ? at.get(m.group(1) + "[" + m.group(2) + "]") : null;
                if (row == null) {
                  errors.add(message);
                } else if (m.group(3) != null) {
                  settingErrors.putIfAbsent(row + "/" + m.group(3), message);
                } else {
                  rows.get(row).error = message;
                }
              });
      if (errors.isEmpty()
          && settingErrors.isEmpty()
          && rows.stream().allMatch(r -> r.error == null)) {
        errors.add(lang.text("layout.refused"));
      }
    }
    describe();
  }

  public List<Region> getRegions() {
    return PageLayouts.REGIONS.stream()
        .map(
            k ->
                new Region(
                    k,
                    lang.text("layout.region." + k),
                    rows.stream().filter(r -> k.equals(r.region)).toList()))
        .toList();
  }

  public boolean hasErrors() {
    return !errors.isEmpty()
        || !settingErrors.isEmpty()
        || rows.stream().anyMatch(r -> r.error != null);
  }

  /** The error summary: each message linked to its input (value: the link, label: the text). */
  public List<FieldInput.Option> getErrors() {
    List<FieldInput.Option> all = new ArrayList<>();
    errors.forEach(e -> all.add(new FieldInput.Option("#layout-form", e)));
    for (Row r : rows) {
      if (r.error != null) {
        all.add(new FieldInput.Option("#row-" + r.index, r.name + ": " + r.error));
      }
      for (SettingInput in : r.inputs) {
        if (in.error() != null) {
          all.add(
              new FieldInput.Option(
                  "#" + in.id(), r.name + " · " + in.label() + ": " + in.error()));
        }
      }
    }
    return all;
  }

  public String getPublicHref() {
    return "/sites/" + site + "/" + ("home".equals(page) ? "" : page);
  }

  public int getCount() {
    return rows.size();
  }

  public String getSite() {
    return site;
  }

  public void setSite(String site) {
    this.site = SiteAdmission.firstValue(this.site, site);
  }

  public String getPage() {
    return page;
  }

  public void setPage(String page) {
    this.page = SiteAdmission.firstValue(this.page, page);
  }

  public String getSiteName() {
    return siteName;
  }

  public List<FieldInput.Option> getPages() {
    return pages;
  }

  public List<FieldInput.Option> getModules() {
    return modules;
  }

  public List<String> getRegionKeys() {
    return PageLayouts.REGIONS;
  }

  public String regionLabel(String key) {
    return lang.text("layout.region." + key);
  }

  public String getNotice() {
    return notice;
  }

  public String getFocus() {
    return focus;
  }
}
