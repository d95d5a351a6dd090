package tw.gov.civitas.core.tenancy;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** One web site of an agency; its key ({@code transportation}) scopes everything stored for it. */
@Entity
@Table(name = "site")
public class Site {
  /** The languages content is written in: Traditional Chinese first, English second. */
  public static final Set<String> LANGUAGES = Set.of("zh-TW", "en");

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "agency_id")
  private Agency agency;

  @Column(name = "site_key", nullable = false, unique = true)
  private String key;

  @Column(name = "name_zh", nullable = false)
  private String nameZh;

  @Column(name = "name_en", nullable = false)
  private String nameEn;

  @Column(name = "default_lang", nullable = false)
  private String defaultLanguage = "zh-TW";

  @Column(nullable = false)
  private String theme = "civic";

  @Column(name = "created_at", nullable = false)
  private Instant createdAt = Instant.now();

  @Column(name = "require_distinct_reviewer", nullable = false)
  private boolean requireDistinctReviewer;

  @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
  @Column(name = "enabled_modules", columnDefinition = "varchar(64)[]")
  private String[] enabledModules = new String[0];

  /** {@code {"home": ["fixture.notes"]}}: see {@link #getPageModules()}. */
  @Column(name = "page_modules", nullable = false)
  private String pageModules = "{}";

  /** See {@link PageLayouts}. */
  @Column(name = "page_layouts", nullable = false)
  private String pageLayouts = "{}";

  /** See {@link OpenDataSettings}. */
  @Column(name = "open_data", nullable = false)
  private String openData = "{}";

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "site_domain", joinColumns = @JoinColumn(name = "site_id"))
  @Column(name = "domain")
  private Set<String> domains = new LinkedHashSet<>();

  protected Site() {}

  public Site(Agency agency, String key, String nameZh, String nameEn) {
    this.agency = agency;
    this.key = key;
    this.nameZh = nameZh;
    this.nameEn = nameEn;
  }

  public Long getId() {
    return id;
  }

  public Agency getAgency() {
    return agency;
  }

  public String getKey() {
    return key;
  }

  public String getNameZh() {
    return nameZh;
  }

  public String getNameEn() {
    return nameEn;
  }

  public String getDefaultLanguage() {
    return defaultLanguage;
  }

  public String getTheme() {
    return theme;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Set<String> getDomains() {
    return domains;
  }

  public boolean isRequireDistinctReviewer() {
    return requireDistinctReviewer;
  }

  public java.util.List<String> getEnabledModules() {
    return java.util.List.of(enabledModules);
  }

  /**
   * The page modules the site places in each region, in order (region names as {@code PageRegion}
   * in lower case). A region without an entry shows every enabled module's page modules declared
   * for it; an empty list shows none.
   */
  public java.util.Map<String, java.util.List<String>> getPageModules() {
    java.util.Map<String, java.util.List<String>> placed = new java.util.LinkedHashMap<>();
    try (jakarta.json.JsonReader r =
        jakarta.json.Json.createReader(new java.io.StringReader(pageModules))) {
      r.readObject()
          .forEach(
              (region, ids) ->
                  placed.put(
                      region,
                      ids.asJsonArray().getValuesAs(jakarta.json.JsonString.class).stream()
                          .map(jakarta.json.JsonString::getString)
                          .toList()));
    }
    return placed;
  }

  /** Replaces the placement of page modules; validated by the caller ({@code SiteService}). */
  public void placePageModules(java.util.Map<String, java.util.List<String>> placed) {
    jakarta.json.JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder();
    new java.util.TreeMap<>(placed)
        .forEach((region, ids) -> b.add(region, jakarta.json.Json.createArrayBuilder(ids)));
    this.pageModules = b.build().toString();
  }

  /**
   * How the site composes its home and section pages from page modules: see {@link PageLayouts}.
   */
  public jakarta.json.JsonObject getPageLayouts() {
    try (jakarta.json.JsonReader r =
        jakarta.json.Json.createReader(new java.io.StringReader(pageLayouts))) {
      return r.readObject();
    }
  }

  /** Replaces the page layouts; checked by the caller ({@link PageLayouts#check}). */
  public void arrangePages(jakarta.json.JsonObject layouts) {
    this.pageLayouts = layouts.toString();
  }

  /** Its open datasets' settings by content type: see {@link OpenDataSettings}. */
  public jakarta.json.JsonObject getOpenData() {
    try (jakarta.json.JsonReader r =
        jakarta.json.Json.createReader(new java.io.StringReader(openData))) {
      return r.readObject();
    }
  }

  /** Replaces the open-data settings; checked by the caller ({@link OpenDataSettings#check}). */
  public void publishOpenData(jakarta.json.JsonObject settings) {
    this.openData = settings.toString();
  }

  /** Switches a plug-in module on (the demo seeding: an administrator goes through configure). */
  public void enableModule(String moduleId) {
    java.util.List<String> modules = new java.util.ArrayList<>(getEnabledModules());
    modules.add(moduleId);
    this.enabledModules = modules.stream().distinct().sorted().toArray(String[]::new);
  }

  /** Site settings a site administrator may change. */
  public void configure(
      String nameZh,
      String nameEn,
      String defaultLanguage,
      String theme,
      boolean requireDistinctReviewer,
      java.util.Collection<String> enabledModules,
      java.util.Collection<String> domains) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
    this.defaultLanguage = defaultLanguage;
    this.theme = theme;
    this.requireDistinctReviewer = requireDistinctReviewer;
    this.enabledModules = enabledModules.stream().distinct().sorted().toArray(String[]::new);
    java.util.List<String> newDomains = java.util.List.copyOf(domains); // may be this very set
    this.domains.clear();
    this.domains.addAll(newDomains);
  }

  /** The site's name in the language asked for; English falls back to Chinese if missing. */
  public String name(String language) {
    return "en".equals(language) && nameEn != null && !nameEn.isBlank() ? nameEn : nameZh;
  }
}
