package tw.gov.civitas.editor;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tw.gov.civitas.core.content.ContentEditing;
import tw.gov.civitas.core.content.ItemFilter;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.menu.MenuService;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.security.CallerFactory;

/**
 * A site's menus as a tree of entries with zh-TW and English labels. The tree is edited as rows
 * with a depth: each entry moves with its sub-entries, up or down among its siblings, in or out a
 * level — by buttons (the keyboard way) or by dragging a row onto another (editor.js, which posts
 * the same move). Nothing is stored until the menu is saved, and the service checks it again.
 */
@Named("menuEditor")
@ViewScoped
public class MenuEditorBean implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int MAX_DEPTH = 3;

  /** One entry of the menu (EL reads getters). */
  public static class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private String labelZh;
    private String labelEn;
    private String item;
    private String url;
    private int depth;

    public String getLabelZh() {
      return labelZh;
    }

    public String getLabelEn() {
      return labelEn;
    }

    public String getItem() {
      return item;
    }

    public String getUrl() {
      return url;
    }

    public int getDepth() {
      return depth;
    }
  }

  @Inject transient CallerFactory callers;
  @Inject transient SiteAdmission admission;
  @Inject transient MenuService menus;
  @Inject transient ContentEditing content;
  @Inject transient EditorLanguage lang;

  private String site;
  private String menu;
  private String siteName;
  private final List<Row> rows = new ArrayList<>();
  private List<FieldInput.Option> items = List.of();
  private final List<String> errors = new ArrayList<>();
  private String notice;
  private String focus;
  private int dragFrom = -1;
  private int dragTo = -1;

  public void load() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces.isPostback()) {
      return;
    }
    // menus are the site administrators'
    var found = admission.admit(site, CoreModule.SITE_MANAGE).orElse(null);
    if (found == null) {
      return;
    }
    var caller = callers.current().orElseThrow();
    if (menu == null || !menu.matches("[a-z][a-z0-9-]{0,63}")) {
      menu = "main";
    }
    siteName = lang.pick(found.getNameZh(), found.getNameEn());
    items =
        content
            .list(
                caller,
                site,
                new ItemFilter(null, null, null, null, null, null, null, null, "title", 1, 100))
            .items()
            .stream()
            .map(m -> new FieldInput.Option(m.item().slug(), m.title(lang.getContent())))
            .toList();
    rows.clear();
    menus.menu(site, menu).ifPresent(m -> flatten(MenuService.parse(m.getEntries()), 1));
  }

  private void flatten(JsonArray entries, int depth) {
    for (JsonValue v : entries) {
      JsonObject e = v.asJsonObject();
      Row r = new Row();
      JsonObject label = e.getJsonObject("label");
      r.labelZh = label.getString("zh-TW", "");
      r.labelEn = label.getString("en", "");
      r.item = e.get("item") instanceof JsonString s ? s.getString() : null;
      r.url = e.get("url") instanceof JsonString s ? s.getString() : null;
      r.depth = depth;
      rows.add(r);
      if (e.get("children") instanceof JsonArray children) {
        flatten(children, depth + 1);
      }
    }
  }

  /**
   * The rows as the posted form shows them: every move starts from what the user sees and has typed
   * (the inputs are plain HTML named by row, like the item form's), never from an older copy.
   */
  private void readForm() {
    Map<String, String> p =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    int count = Inputs.number(p.get("m-count"), -1);
    if (count < 0) {
      return; // not the menu form (nothing posted): keep what is shown
    }
    rows.clear();
    for (int i = 0; i < Math.min(count, 500); i++) {
      Row r = new Row();
      r.labelZh = p.get("m-" + i + "-zh");
      r.labelEn = p.get("m-" + i + "-en");
      r.item = p.get("m-" + i + "-item");
      r.url = p.get("m-" + i + "-url");
      r.depth = Math.max(1, Math.min(MAX_DEPTH, Inputs.number(p.get("m-" + i + "-depth"), 1)));
      rows.add(r);
    }
    dragFrom = Inputs.number(p.get("m-drag-from"), -1);
    dragTo = Inputs.number(p.get("m-drag-to"), -1);
  }

  /** The start of every move: the rows as posted, and the entry moved (null: no such row). */
  private Row begin(int i) {
    readForm();
    clear();
    return i >= 0 && i < rows.size() ? rows.get(i) : null;
  }

  /** Rows {@code [i, end)}: entry {@code i} and its sub-entries. */
  private int blockEnd(int i) {
    int end = i + 1;
    while (end < rows.size() && rows.get(end).depth > rows.get(i).depth) {
      end++;
    }
    return end;
  }

  private void moveBlock(int from, int before) {
    int end = blockEnd(from);
    List<Row> block = new ArrayList<>(rows.subList(from, end));
    rows.subList(from, end).clear();
    int at = before > from ? before - block.size() : before;
    rows.addAll(at, block);
  }

  private void focusOn(Row r, String button) {
    focus = "menu-form:rows:" + rows.indexOf(r) + ":" + button;
  }

  /** Whether an option of the item select is the row's item. */
  public boolean links(Row r, String slug) {
    return slug.equals(r.item);
  }

  /** Moves an entry (with its sub-entries) before its previous sibling. */
  public void up(int i) {
    Row r = begin(i);
    if (r == null) {
      return;
    }
    for (int p = i - 1; p >= 0; p--) {
      if (rows.get(p).depth < r.depth) {
        break;
      }
      if (rows.get(p).depth == r.depth) {
        moveBlock(i, p);
        break;
      }
    }
    focusOn(r, "up");
  }

  /** Moves an entry (with its sub-entries) after its next sibling. */
  public void down(int i) {
    Row r = begin(i);
    if (r == null) {
      return;
    }
    int end = blockEnd(i);
    if (end < rows.size() && rows.get(end).depth == r.depth) {
      moveBlock(i, blockEnd(end));
    }
    focusOn(r, "down");
  }

  /** Makes an entry a sub-entry of the sibling above it. */
  public void indent(int i) {
    Row r = begin(i);
    if (r == null) {
      return;
    }
    int end = blockEnd(i);
    int deepest = 0;
    for (int k = i; k < end; k++) {
      deepest = Math.max(deepest, rows.get(k).depth);
    }
    if (i > 0 && rows.get(i - 1).depth >= r.depth && deepest < MAX_DEPTH) {
      for (int k = i; k < end; k++) {
        rows.get(k).depth++;
      }
    }
    focusOn(r, "indent");
  }

  /** Makes a sub-entry an entry of its parent's level (after the parent's other sub-entries). */
  public void outdent(int i) {
    Row r = begin(i);
    if (r == null) {
      return;
    }
    if (r.depth > 1) {
      int end = blockEnd(i);
      // later siblings stay under the parent: the entry leaves after them
      int after = end;
      while (after < rows.size() && rows.get(after).depth >= r.depth) {
        after++;
      }
      for (int k = i; k < end; k++) {
        rows.get(k).depth--;
      }
      moveBlock(i, after);
    }
    focusOn(r, "outdent");
  }

  public void remove(int i) {
    if (begin(i) == null) {
      return;
    }
    rows.subList(i, blockEnd(i)).clear();
    focus = "menu-form:add";
  }

  public void add() {
    readForm();
    clear();
    Row r = new Row();
    r.depth = 1;
    rows.add(r);
    focus = "m-" + (rows.size() - 1) + "-zh";
  }

  /**
   * A row dragged onto another (editor.js posts both places): it goes before that row, at its
   * level.
   */
  public void drop() {
    readForm();
    clear();
    if (dragFrom < 0 || dragFrom >= rows.size() || dragTo < 0 || dragTo > rows.size()) {
      return;
    }
    int end = blockEnd(dragFrom);
    if (dragTo >= dragFrom && dragTo < end) {
      return; // onto itself or its own sub-entries
    }
    Row r = rows.get(dragFrom);
    int targetDepth = dragTo < rows.size() ? rows.get(dragTo).depth : 1;
    int shift = targetDepth - r.depth;
    for (int k = dragFrom; k < end; k++) {
      rows.get(k).depth = Math.max(1, Math.min(MAX_DEPTH, rows.get(k).depth + shift));
    }
    moveBlock(dragFrom, dragTo);
    focusOn(r, "up");
  }

  /** Stores the menu as shown; the service's messages are listed by entry. */
  public void save() {
    readForm();
    clear();
    JsonArray tree = tree(0, 1, rows.size());
    try {
      menus.replace(callers.current().orElseThrow(), site, menu, tree);
      notice = lang.text("menus.saved");
    } catch (ContentValidationException e) {
      e.errors()
          .forEach(
              x ->
                  errors.add(
                      x.field() + ": " + FieldMessages.localize(x.message(), lang.getLocale())));
    }
  }

  private JsonArray tree(int from, int depth, int to) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    int i = from;
    while (i < to) {
      Row r = rows.get(i);
      int end = blockEnd(i);
      JsonObjectBuilder label = Json.createObjectBuilder().add("zh-TW", blankToEmpty(r.labelZh));
      if (r.labelEn != null && !r.labelEn.isBlank()) {
        label.add("en", r.labelEn.strip());
      }
      JsonObjectBuilder e = Json.createObjectBuilder().add("label", label);
      if (r.item != null && !r.item.isBlank()) {
        e.add("item", r.item);
      }
      if (r.url != null && !r.url.isBlank()) {
        e.add("url", r.url.strip());
      }
      if (end > i + 1) {
        e.add("children", tree(i + 1, depth + 1, end));
      }
      a.add(e);
      i = end;
    }
    return a.build();
  }

  private static String blankToEmpty(String s) {
    return s == null ? "" : s.strip();
  }

  private void clear() {
    errors.clear();
    notice = null;
    focus = null;
  }

  /** Can the entry move up, down, in, out (the buttons offered). */
  public boolean canUp(int i) {
    Row r = rows.get(i);
    for (int p = i - 1; p >= 0; p--) {
      if (rows.get(p).depth < r.depth) {
        return false;
      }
      if (rows.get(p).depth == r.depth) {
        return true;
      }
    }
    return false;
  }

  public boolean canDown(int i) {
    int end = blockEnd(i);
    return end < rows.size() && rows.get(end).depth == rows.get(i).depth;
  }

  public boolean canIndent(int i) {
    return i > 0 && rows.get(i - 1).depth >= rows.get(i).depth && rows.get(i).depth < MAX_DEPTH;
  }

  public boolean canOutdent(int i) {
    return rows.get(i).depth > 1;
  }

  public String getSite() {
    return site;
  }

  public void setSite(String site) {
    this.site = SiteAdmission.firstValue(this.site, site);
  }

  public String getMenu() {
    return menu;
  }

  public void setMenu(String menu) {
    this.menu = SiteAdmission.firstValue(this.menu, menu);
  }

  /** The menu's name: main and footer by the bundle, another by its key. */
  public String getMenuName() {
    return "main".equals(menu) || "footer".equals(menu) ? lang.text("menus." + menu) : menu;
  }

  public String getSiteName() {
    return siteName;
  }

  public List<Row> getRows() {
    return rows;
  }

  public List<FieldInput.Option> getItems() {
    return items;
  }

  public List<String> getErrors() {
    return errors;
  }

  public String getNotice() {
    return notice;
  }

  public String getFocus() {
    return focus;
  }
}
