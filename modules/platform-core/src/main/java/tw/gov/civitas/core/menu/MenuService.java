package tw.gov.civitas.core.menu;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tw.gov.civitas.core.audit.AuditLog;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.error.FieldError;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.net.LinkTarget;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.security.SiteAuthorization;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;

/**
 * Menus and page trees. An entry is {@code {"label": {"zh-TW": …, "en": …}, "item": "<slug>"}} or
 * {@code {… "url": "https://…"}}, with optional {@code "children"}, at most three levels deep.
 */
@ApplicationScoped
public class MenuService {

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,63}");
  private static final int MAX_DEPTH = 3;
  private static final int MAX_ENTRIES = 500;

  /** Fired after a menu changed. */
  public record MenuChanged(String siteKey, String menuKey) {}

  @PersistenceContext(unitName = "civitas")
  EntityManager em;

  @Inject SiteRepository sites;
  @Inject SiteAuthorization authorization;
  @Inject AuditLog audit;
  @Inject Event<MenuChanged> changed;

  @Transactional
  public JsonArray replace(Caller caller, String siteKey, String menuKey, JsonValue entries) {
    Site site = sites.require(siteKey);
    authorization.require(caller, siteKey, CoreModule.SITE_MANAGE);
    List<FieldError> errors = new ArrayList<>();
    if (!KEY.matcher(menuKey).matches()) {
      errors.add(new FieldError("menu", "must be a lower-case name such as main or footer"));
    }
    JsonArray normalized = null;
    if (entries == null || entries.getValueType() != JsonValue.ValueType.ARRAY) {
      errors.add(new FieldError("entries", "must be an array of menu entries"));
    } else {
      Set<String> slugs =
          Set.copyOf(
              em.createQuery("select i.slug from ContentItem i where i.site = :site", String.class)
                  .setParameter("site", site)
                  .getResultList());
      int[] count = {0};
      normalized = entries(entries.asJsonArray(), "entries", 1, slugs, errors, count);
    }
    if (!errors.isEmpty()) {
      throw new ContentValidationException(errors);
    }
    Optional<Menu> existing = find(site, menuKey);
    Menu menu = existing.orElseGet(() -> new Menu(site, menuKey));
    String before = menu.getEntries();
    menu.replace(normalized.toString(), caller.username(), Instant.now());
    if (existing.isEmpty()) {
      em.persist(menu);
    }
    audit.record(caller, siteKey, "menu.replace", "menu", menuKey, before, normalized.toString());
    changed.fire(new MenuChanged(siteKey, menuKey));
    return normalized;
  }

  /** The stored menu document, unresolved (item slugs, both languages). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Menu> menu(String siteKey, String menuKey) {
    return em.createQuery(
            "select m from Menu m join fetch m.site where m.site.key = :site and m.key = :key",
            Menu.class)
        .setParameter("site", siteKey)
        .setParameter("key", menuKey)
        .getResultStream()
        .findFirst();
  }

  public static JsonArray parse(String entries) {
    try (JsonReader r = Json.createReader(new StringReader(entries))) {
      return r.readArray();
    }
  }

  private Optional<Menu> find(Site site, String key) {
    return em.createQuery("select m from Menu m where m.site = :site and m.key = :key", Menu.class)
        .setParameter("site", site)
        .setParameter("key", key)
        .getResultStream()
        .findFirst();
  }

  private static JsonArray entries(
      JsonArray in,
      String path,
      int depth,
      Set<String> slugs,
      List<FieldError> errors,
      int[] count) {
    JsonArrayBuilder out = Json.createArrayBuilder();
    if (depth > MAX_DEPTH) {
      errors.add(new FieldError(path, "menus are at most " + MAX_DEPTH + " levels deep"));
      return out.build();
    }
    for (int i = 0; i < in.size(); i++) {
      String p = path + "[" + i + "]";
      if (++count[0] > MAX_ENTRIES) {
        errors.add(new FieldError(p, "a menu has at most " + MAX_ENTRIES + " entries"));
        break;
      }
      if (in.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
        errors.add(new FieldError(p, "must be an object"));
        continue;
      }
      JsonObject e = in.getJsonObject(i);
      JsonObjectBuilder b = Json.createObjectBuilder();
      JsonValue label = e.get("label");
      if (label instanceof JsonString s
          && !s.getString().isBlank()
          && s.getString().length() <= 100) {
        b.add("label", Json.createObjectBuilder().add("zh-TW", s.getString()));
      } else if (label != null
          && label.getValueType() == JsonValue.ValueType.OBJECT
          && label.asJsonObject().get("zh-TW") instanceof JsonString zh
          && !zh.getString().isBlank()) {
        JsonObjectBuilder l = Json.createObjectBuilder().add("zh-TW", zh.getString());
        if (label.asJsonObject().get("en") instanceof JsonString en && !en.getString().isBlank()) {
          l.add("en", en.getString());
        }
        b.add("label", l);
      } else {
        errors.add(
            new FieldError(
                p + ".label", "is required, with at least a zh-TW text (at most 100 characters)"));
      }
      boolean hasItem = e.get("item") instanceof JsonString;
      boolean hasUrl = e.get("url") instanceof JsonString;
      if (hasItem == hasUrl) {
        errors.add(new FieldError(p, "needs exactly one of 'item' (a slug on this site) or 'url'"));
      } else if (hasItem) {
        String slug = e.getString("item");
        if (!slugs.contains(slug)) {
          errors.add(new FieldError(p + ".item", "no item '" + slug + "' on this site"));
        }
        b.add("item", slug);
      } else {
        String url = e.getString("url");
        if (!LinkTarget.isAllowed(url)) {
          errors.add(new FieldError(p + ".url", LinkTarget.RULE));
        }
        b.add("url", url);
      }
      if (e.containsKey("children")) {
        if (e.get("children").getValueType() != JsonValue.ValueType.ARRAY) {
          errors.add(new FieldError(p + ".children", "must be an array"));
        } else {
          b.add(
              "children",
              entries(
                  e.getJsonArray("children"), p + ".children", depth + 1, slugs, errors, count));
        }
      }
      out.add(b);
    }
    return out.build();
  }
}
