package tw.gov.civitas.core.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.gov.civitas.core.content.Change;
import tw.gov.civitas.core.content.ContentEditing;
import tw.gov.civitas.core.content.ContentInput;
import tw.gov.civitas.core.content.ContentWorkflow;
import tw.gov.civitas.core.media.MediaService;
import tw.gov.civitas.core.media.MediaUpload;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;

/**
 * Fills the demo agency sites with news, announcements, events, FAQs, downloads, a contact, links
 * and banners in Chinese and English, written as data ({@code seed/demo-content/}) and stored
 * through the editors' own services as {@link DemoTenants#SEEDER}: validated, audited, indexed.
 * Only when {@code civitas.demo-data=true}, never in production. Every item is tagged {@value #TAG}
 * and says in its text that it is demonstration data.
 *
 * <p>One transaction per site, and a site that already has demo items is skipped: a restart resumes
 * where the last run stopped.
 */
@ApplicationScoped
public class DemoContent {

  /** Marks demo items; the public pages show a 示範資料 notice on them. */
  public static final String TAG = "demo";

  static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
  private static final String DIR = "/seed/demo-content/";
  private static final List<String> LANGUAGES = List.of("zh-TW", "en");

  @PersistenceContext(unitName = "civitas")
  EntityManager em;

  @Inject SiteRepository sites;
  @Inject ContentEditing content;
  @Inject ContentWorkflow workflow;
  @Inject MediaService media;
  @Inject tw.gov.civitas.core.content.ReleaseService releases;

  /** Whether the site already has demo items (then it is never filled again). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean hasDemoContent(String siteKey) {
    Number n =
        (Number)
            em.createNativeQuery(
                    "select count(*) from content_item i join site s on s.id = i.site_id"
                        + " where s.site_key = ?1 and ?2 = any(i.tags)")
                .setParameter(1, siteKey)
                .setParameter(2, TAG)
                .getSingleResult();
    return n.longValue() > 0;
  }

  /**
   * Writes and publishes one site's demo items, dated from {@code today} (events in the coming
   * weeks, announcements valid for a while).
   *
   * @return how many items were made: 0 when the site is missing or already has demo items
   */
  @Transactional
  public int seed(String siteKey, LocalDate today) {
    Optional<Site> found = sites.findByKey(siteKey);
    if (found.isEmpty() || hasDemoContent(siteKey)) {
      return 0;
    }
    Site site = found.get();
    JsonObject set = set(site);
    List<JsonObject> items = items(set, siteKey);
    Office office = office(set, site);
    for (JsonObject item : items) {
      JsonObject written = (JsonObject) localize(item, "zh-TW", site, office);
      write(site, office, written, today);
    }
    scheduleRelease(site, today);
    return items.size();
  }

  /**
   * A draft notice in a release a week ahead, so that the editor's releases screen shows what a
   * release will publish; it goes public at its time like any release.
   */
  private void scheduleRelease(Site site, LocalDate today) {
    String slug = "demo-holiday-notice";
    String name = site.getNameZh();
    content.create(
        DemoTenants.SEEDER,
        site.getKey(),
        new ContentInput(
            "announcement",
            slug,
            Json.createObjectBuilder()
                .add(
                    "title",
                    Json.createObjectBuilder()
                        .add("zh-TW", "（示範）連假期間" + name + "服務時間")
                        .add("en", "(Demo) Opening hours over the long weekend"))
                .add(
                    "summary",
                    Json.createObjectBuilder()
                        .add("zh-TW", "示範資料：連假前一起發布的公告。")
                        .add("en", "Demonstration data: a notice published with a release."))
                .build(),
            "Demonstration content",
            List.of(TAG),
            Change.keep(),
            Change.keep()));
    releases.create(
        DemoTenants.SEEDER,
        site.getKey(),
        "（示範）連假前公告",
        today.plusDays(7).atTime(8, 0).atZone(java.time.ZoneId.of("Asia/Taipei")).toInstant(),
        List.of(slug));
  }

  private void write(Site site, Office office, JsonObject item, LocalDate today) {
    String key = site.getKey();
    JsonObject fields =
        fields(
            item,
            site,
            office,
            today,
            upload -> media.upload(DemoTenants.SEEDER, key, upload).id());
    String slug = item.getString("slug");
    content.create(
        DemoTenants.SEEDER,
        key,
        new ContentInput(
            item.getString("type"),
            slug,
            fields,
            "Demonstration content",
            tags(item),
            Change.keep(),
            Change.keep()));
    workflow.transition(DemoTenants.SEEDER, key, slug, "publish", null);
  }

  /** District offices have their own set; bureaus, offices and commissions share one. */
  static JsonObject set(Site site) {
    boolean district = "district".equals(site.getAgency().getKind());
    return read(district ? "district.json" : "bureau.json").orElseThrow();
  }

  /** The set's items, then the site's own topics (if it has any). */
  static List<JsonObject> items(JsonObject set, String siteKey) {
    List<JsonObject> items =
        new ArrayList<>(set.getJsonArray("items").getValuesAs(JsonObject.class));
    read("topics/" + siteKey + ".json")
        .ifPresent(t -> items.addAll(t.getJsonArray("items").getValuesAs(JsonObject.class)));
    return items;
  }

  /** Stores a generated file and answers its media id. */
  interface Uploads {
    String upload(MediaUpload upload);
  }

  static List<String> tags(JsonObject item) {
    List<String> tags = new ArrayList<>();
    if (item.containsKey("tags")) {
      item.getJsonArray("tags").getValuesAs(JsonString.class).forEach(t -> tags.add(t.getString()));
    }
    tags.add(TAG);
    return tags;
  }

  /**
   * An item's field values: its {@code fields}, plus what its other keys describe (see
   * seed/demo-content/README.md), with generated files stored through {@code uploads}.
   */
  static JsonObject fields(
      JsonObject item, Site site, Office office, LocalDate today, Uploads uploads) {
    JsonObjectBuilder fields = Json.createObjectBuilder(item.getJsonObject("fields"));
    if (item.containsKey("image")) {
      JsonObject image = item.getJsonObject("image");
      boolean banner = image.getBoolean("banner", false);
      JsonObject text = image.getJsonObject("text");
      byte[] png =
          DemoFiles.banner(
              banner ? 1200 : 800,
              banner ? 400 : 450,
              image.getString("colour"),
              text.getString("zh-TW"),
              text.getString("en"),
              site.name("zh-TW"),
              site.name("en"));
      JsonObject alt = image.getJsonObject("alt");
      fields.add(
          "image",
          uploads.upload(
              new MediaUpload(
                  png,
                  item.getString("slug") + ".png",
                  alt.getString("zh-TW"),
                  alt.getString("en"),
                  text.getString("zh-TW"))));
    }
    if (item.getBoolean("officeLocation", false)) {
      fields.add(
          "location",
          Json.createObjectBuilder()
              .add("lat", office.lat())
              .add("lon", office.lon())
              .add("address", office.address()));
    }
    if (item.containsKey("validForDays")) {
      fields.add("validUntil", today.plusDays(item.getInt("validForDays")).toString());
    }
    if (item.containsKey("starts")) {
      JsonObject starts = item.getJsonObject("starts");
      OffsetDateTime at =
          today
              .plusDays(starts.getInt("inDays"))
              .atTime(LocalTime.parse(starts.getString("at")))
              .atZone(TAIPEI)
              .toOffsetDateTime();
      fields.add("startsAt", at.toString());
      if (starts.containsKey("minutes")) {
        fields.add("endsAt", at.plusMinutes(starts.getInt("minutes")).toString());
      }
    }
    if (item.containsKey("attachments")) {
      JsonArrayBuilder attachments = Json.createArrayBuilder();
      for (JsonObject a : item.getJsonArray("attachments").getValuesAs(JsonObject.class)) {
        String title = a.getJsonObject("title").getString("zh-TW");
        byte[] file =
            "ods".equals(a.getString("document"))
                ? DemoFiles.spreadsheet(title, rows(a.getJsonArray("rows")))
                : DemoFiles.textDocument(
                    title,
                    a.getJsonArray("lines").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList());
        String id =
            uploads.upload(new MediaUpload(file, a.getString("fileName"), null, null, title));
        attachments.add(Json.createObjectBuilder().add("file", id).add("label", a.get("label")));
      }
      fields.add("attachments", attachments);
    }
    return fields.build();
  }

  private static List<List<Object>> rows(JsonArray rows) {
    List<List<Object>> out = new ArrayList<>();
    for (JsonArray row : rows.getValuesAs(JsonArray.class)) {
      List<Object> cells = new ArrayList<>();
      for (JsonValue cell : row) {
        cells.add(
            cell instanceof JsonNumber n
                ? (Object) n.numberValue()
                : ((JsonString) cell).getString());
      }
      out.add(cells);
    }
    return out;
  }

  /** Where the site's agency is, for contacts and events. */
  record Office(String phone, String email, String address, double lat, double lon) {}

  static Office office(JsonObject set, Site site) {
    JsonObject o = set.getJsonObject("office");
    JsonObject own =
        set.containsKey("offices") && set.getJsonObject("offices").containsKey(site.getKey())
            ? set.getJsonObject("offices").getJsonObject(site.getKey())
            : JsonValue.EMPTY_JSON_OBJECT;
    Map<String, String> names = Map.of("{agency}", site.name("zh-TW"), "{site}", site.getKey());
    return new Office(
        replace(o.getString("phone"), names),
        replace(o.getString("email"), names),
        replace(o.getString("address"), names),
        own.getJsonNumber("lat") != null
            ? own.getJsonNumber("lat").doubleValue()
            : o.getJsonNumber("lat").doubleValue(),
        own.getJsonNumber("lon") != null
            ? own.getJsonNumber("lon").doubleValue()
            : o.getJsonNumber("lon").doubleValue());
  }

  /**
   * Replaces the placeholders in every string: inside a {"zh-TW": …, "en": …} object by that
   * language's values, elsewhere by the Chinese ones.
   */
  static JsonValue localize(JsonValue value, String language, Site site, Office office) {
    switch (value.getValueType()) {
      case STRING -> {
        return Json.createValue(
            replace(
                ((JsonString) value).getString(),
                Map.of(
                    "{agency}", site.name(language),
                    "{site}", site.getKey(),
                    "{phone}", office.phone(),
                    "{email}", office.email(),
                    "{address}", office.address())));
      }
      case OBJECT -> {
        JsonObjectBuilder b = Json.createObjectBuilder();
        value
            .asJsonObject()
            .forEach(
                (k, v) ->
                    b.add(k, localize(v, LANGUAGES.contains(k) ? k : language, site, office)));
        return b.build();
      }
      case ARRAY -> {
        JsonArrayBuilder b = Json.createArrayBuilder();
        value.asJsonArray().forEach(v -> b.add(localize(v, language, site, office)));
        return b.build();
      }
      default -> {
        return value;
      }
    }
  }

  private static String replace(String text, Map<String, String> values) {
    String out = text;
    for (Map.Entry<String, String> e : values.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return out;
  }

  static Optional<JsonObject> read(String name) {
    InputStream in = DemoContent.class.getResourceAsStream(DIR + name);
    if (in == null) {
      return Optional.empty();
    }
    try (JsonReader r = Json.createReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return Optional.of(r.readObject());
    }
  }
}
