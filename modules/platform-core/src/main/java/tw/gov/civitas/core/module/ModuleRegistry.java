package tw.gov.civitas.core.module;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import tw.gov.civitas.spi.CitizenFormDescriptor;
import tw.gov.civitas.spi.ContentTypeDescriptor;
import tw.gov.civitas.spi.EditorPageDescriptor;
import tw.gov.civitas.spi.ModuleRegistrar;
import tw.gov.civitas.spi.PageModuleDescriptor;
import tw.gov.civitas.spi.PermissionDescriptor;
import tw.gov.civitas.spi.PlatformModule;
import tw.gov.civitas.spi.job.JobDescriptor;

/**
 * The modules found at start, in dependency order, with everything they registered.
 *
 * <p>Built once per deployment by {@link #of}; any inconsistency (duplicate id, unknown or cyclic
 * dependency, a permission or content type outside the module's namespace, a duplicate declaration)
 * throws {@link ModuleRegistrationException}, which fails the deployment with a message naming the
 * module.
 */
public final class ModuleRegistry {

  /** A module's declarations, as collected by its {@code register} phase. */
  public record Registration(
      PlatformModule module,
      List<PermissionDescriptor> permissions,
      List<ContentTypeDescriptor> contentTypes,
      List<String> migrationLocations,
      List<Class<?>> resources,
      List<JobDescriptor> jobs,
      List<String> eventTypes,
      List<EditorPageDescriptor> editorPages,
      List<PageModuleDescriptor> pageModules,
      List<CitizenFormDescriptor> citizenForms,
      List<tw.gov.civitas.spi.PublicPageDescriptor> publicPages) {}

  private final List<Registration> ordered;
  private final Map<String, PermissionDescriptor> permissions;
  private final Map<String, ContentTypeDescriptor> contentTypes;
  private final Map<Class<?>, String> resourceModules;
  private final Map<String, JobDescriptor> jobs;
  private final Map<String, PlatformModule> modules;
  private final Set<String> eventTypes;
  private final List<EditorPageDescriptor> editorPages;
  private final List<PageModuleDescriptor> pageModules;
  private final List<CitizenFormDescriptor> citizenForms;
  private final List<tw.gov.civitas.spi.PublicPageDescriptor> publicPages;

  private ModuleRegistry(List<Registration> ordered) {
    this.ordered = List.copyOf(ordered);
    Map<String, PermissionDescriptor> perms = new TreeMap<>();
    Map<String, ContentTypeDescriptor> types = new LinkedHashMap<>();
    for (Registration r : ordered) {
      for (PermissionDescriptor p : r.permissions()) {
        if (perms.putIfAbsent(p.id(), p) != null) {
          throw new ModuleRegistrationException(
              "Module '" + r.module().id() + "' declares permission '" + p.id() + "' twice");
        }
      }
      for (ContentTypeDescriptor t : r.contentTypes()) {
        if (types.putIfAbsent(t.id(), t) != null) {
          throw new ModuleRegistrationException(
              "Module '" + r.module().id() + "' declares content type '" + t.id() + "' twice");
        }
      }
    }
    this.permissions = Collections.unmodifiableMap(perms);
    this.contentTypes = Collections.unmodifiableMap(types);
    Map<Class<?>, String> resources = new LinkedHashMap<>();
    Map<String, JobDescriptor> jobsById = new LinkedHashMap<>();
    for (Registration r : ordered) {
      for (Class<?> resource : r.resources()) {
        String previous = resources.putIfAbsent(resource, r.module().id());
        if (previous != null) {
          throw new ModuleRegistrationException(
              "Module '"
                  + r.module().id()
                  + "' registers resource "
                  + resource.getName()
                  + ", already registered by '"
                  + previous
                  + "'");
        }
      }
      for (JobDescriptor job : r.jobs()) {
        if (jobsById.putIfAbsent(job.id(), job) != null) {
          throw new ModuleRegistrationException(
              "Module '" + r.module().id() + "' declares job '" + job.id() + "' twice");
        }
      }
    }
    this.resourceModules = Collections.unmodifiableMap(resources);
    this.jobs = Collections.unmodifiableMap(jobsById);
    // The request paths (the gate, page rendering, webhooks) read these: flattened once, here.
    Map<String, PlatformModule> byId = new LinkedHashMap<>();
    ordered.forEach(r -> byId.put(r.module().id(), r.module()));
    this.modules = Collections.unmodifiableMap(byId);
    this.eventTypes =
        Collections.unmodifiableSet(
            new java.util.TreeSet<>(
                ordered.stream().flatMap(r -> r.eventTypes().stream()).toList()));
    this.editorPages = ordered.stream().flatMap(r -> r.editorPages().stream()).toList();
    this.pageModules = ordered.stream().flatMap(r -> r.pageModules().stream()).toList();
    this.citizenForms = ordered.stream().flatMap(r -> r.citizenForms().stream()).toList();
    this.publicPages = ordered.stream().flatMap(r -> r.publicPages().stream()).toList();
  }

  /** Validates the modules, orders them by dependency and runs their {@code register} phase. */
  public static ModuleRegistry of(Collection<? extends PlatformModule> modules) {
    Map<String, PlatformModule> byId = new LinkedHashMap<>();
    for (PlatformModule m : modules) {
      String id = m.id();
      if (id == null || !id.matches("[a-z][a-z0-9-]*")) {
        throw new ModuleRegistrationException(
            "Module "
                + m.getClass().getName()
                + " has an invalid id '"
                + id
                + "': use lower-case letters, digits and '-'");
      }
      PlatformModule previous = byId.putIfAbsent(id, m);
      if (previous != null) {
        throw new ModuleRegistrationException(
            "Two modules share the id '"
                + id
                + "': "
                + previous.getClass().getName()
                + " and "
                + m.getClass().getName());
      }
    }
    for (PlatformModule m : byId.values()) {
      for (String dep : m.dependsOn()) {
        if (!byId.containsKey(dep)) {
          throw new ModuleRegistrationException(
              "Module '"
                  + m.id()
                  + "' depends on '"
                  + dep
                  + "', which is not installed (installed: "
                  + byId.keySet()
                  + ")");
        }
      }
    }
    List<Registration> registrations = new ArrayList<>();
    for (PlatformModule m : topologicalOrder(byId)) {
      Collector collector = new Collector(m.id());
      m.register(collector);
      registrations.add(
          new Registration(
              m,
              List.copyOf(collector.permissions),
              List.copyOf(collector.contentTypes),
              List.copyOf(collector.migrations),
              List.copyOf(collector.resources),
              List.copyOf(collector.jobs),
              List.copyOf(collector.eventTypes),
              List.copyOf(collector.editorPages),
              List.copyOf(collector.pageModules),
              List.copyOf(collector.citizenForms),
              List.copyOf(collector.publicPages)));
    }
    return new ModuleRegistry(registrations);
  }

  private static List<PlatformModule> topologicalOrder(Map<String, PlatformModule> byId) {
    List<PlatformModule> result = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    Set<String> visiting = new LinkedHashSet<>();
    for (String id : byId.keySet()) {
      visit(id, byId, done, visiting, result);
    }
    return result;
  }

  private static void visit(
      String id,
      Map<String, PlatformModule> byId,
      Set<String> done,
      Set<String> visiting,
      List<PlatformModule> result) {
    if (done.contains(id)) {
      return;
    }
    if (!visiting.add(id)) {
      throw new ModuleRegistrationException(
          "Modules depend on each other in a cycle: "
              + String.join(" -> ", visiting)
              + " -> "
              + id);
    }
    PlatformModule m = byId.get(id);
    for (String dep : m.dependsOn()) {
      visit(dep, byId, done, visiting, result);
    }
    visiting.remove(id);
    done.add(id);
    result.add(m);
  }

  /** Registrations in dependency order: a module comes after everything it depends on. */
  public List<Registration> registrations() {
    return ordered;
  }

  public Map<String, PermissionDescriptor> permissions() {
    return permissions;
  }

  public Collection<ContentTypeDescriptor> contentTypes() {
    return contentTypes.values();
  }

  /** The module that registered a REST resource class, if one did. */
  public Optional<String> moduleOfResource(Class<?> resourceClass) {
    return Optional.ofNullable(resourceModules.get(resourceClass));
  }

  /** Every REST resource class modules registered, with its module's id. */
  public Map<Class<?>, String> resources() {
    return resourceModules;
  }

  public Collection<JobDescriptor> jobs() {
    return jobs.values();
  }

  public Optional<CitizenFormDescriptor> citizenForm(String id) {
    return citizenForms.stream().filter(f -> f.id().equals(id)).findFirst();
  }

  public List<CitizenFormDescriptor> citizenForms() {
    return citizenForms;
  }

  /** Every module's public pages, in module order. */
  public List<tw.gov.civitas.spi.PublicPageDescriptor> publicPages() {
    return publicPages;
  }

  public Optional<tw.gov.civitas.spi.PublicPageDescriptor> publicPage(String id) {
    return publicPages.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** Every module's page modules, in module order. */
  public List<PageModuleDescriptor> pageModules() {
    return pageModules;
  }

  public Optional<PageModuleDescriptor> pageModule(String id) {
    return pageModules.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  /**
   * The page modules a site shows in a region: those its placement lists there, in that order;
   * without an entry for the region, every enabled module's page modules declared for it. Never one
   * of a module the site does not enable (a placement outlives a module switched off later).
   */
  public List<PageModuleDescriptor> pageModulesOf(
      Collection<String> siteModules,
      Map<String, List<String>> placed,
      tw.gov.civitas.spi.PageRegion region) {
    List<String> ids = placed.get(region.key());
    java.util.stream.Stream<PageModuleDescriptor> shown =
        ids == null
            ? pageModules.stream().filter(m -> m.region() == region)
            : ids.stream().map(this::pageModule).flatMap(Optional::stream);
    return shown.filter(m -> enabledOn(siteModules, m.moduleId())).toList();
  }

  /** Every module's editor pages, in module order. */
  public List<EditorPageDescriptor> editorPages() {
    return editorPages;
  }

  public Optional<EditorPageDescriptor> editorPage(String id) {
    return editorPages.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** The event types modules publish, which webhooks may subscribe to besides the core's. */
  public Set<String> eventTypes() {
    return eventTypes;
  }

  public Optional<PlatformModule> module(String id) {
    return Optional.ofNullable(modules.get(id));
  }

  /**
   * Whether a module exists on a site whose {@code enabledModules} setting is {@code siteModules}:
   * the platform's own modules everywhere, a plug-in where the site enables it.
   */
  public boolean enabledOn(Collection<String> siteModules, String moduleId) {
    return module(moduleId)
        .map(m -> !m.enabledPerSite() || siteModules.contains(moduleId))
        .orElse(false);
  }

  /**
   * The content types of each module that sites enable one by one: hidden wherever a site does not
   * enable it.
   */
  public Map<String, List<String>> perSiteContentTypes() {
    Map<String, List<String>> types = new TreeMap<>();
    for (ContentTypeDescriptor t : contentTypes()) {
      if (module(t.moduleId()).map(PlatformModule::enabledPerSite).orElse(false)) {
        types.computeIfAbsent(t.moduleId(), m -> new ArrayList<>()).add(t.id());
      }
    }
    return types;
  }

  /** Whether the content type exists on a site with these enabled modules. */
  public boolean typeEnabledOn(Collection<String> siteModules, ContentTypeDescriptor type) {
    return enabledOn(siteModules, type.moduleId());
  }

  /** By full id ({@code core::page}) or, for unambiguous names, by short name ({@code page}). */
  public Optional<ContentTypeDescriptor> contentType(String idOrShortName) {
    ContentTypeDescriptor exact = contentTypes.get(idOrShortName);
    if (exact != null) {
      return Optional.of(exact);
    }
    List<ContentTypeDescriptor> byShort =
        contentTypes.values().stream().filter(t -> t.shortName().equals(idOrShortName)).toList();
    return byShort.size() == 1 ? Optional.of(byShort.get(0)) : Optional.empty();
  }

  private static final class Collector implements ModuleRegistrar {
    private final String moduleId;
    private final List<PermissionDescriptor> permissions = new ArrayList<>();
    private final List<ContentTypeDescriptor> contentTypes = new ArrayList<>();
    private final List<String> migrations = new ArrayList<>();
    private final List<Class<?>> resources = new ArrayList<>();
    private final List<JobDescriptor> jobs = new ArrayList<>();
    private final List<String> eventTypes = new ArrayList<>();
    private final List<EditorPageDescriptor> editorPages = new ArrayList<>();
    private final List<PageModuleDescriptor> pageModules = new ArrayList<>();
    private final List<CitizenFormDescriptor> citizenForms = new ArrayList<>();
    private final List<tw.gov.civitas.spi.PublicPageDescriptor> publicPages = new ArrayList<>();

    Collector(String moduleId) {
      this.moduleId = moduleId;
    }

    /**
     * The rules every declaration follows: in the module's own namespace, and once. (The registry
     * checks again across modules when it is built.)
     */
    private <T> ModuleRegistrar declare(
        List<T> into,
        T item,
        String kind,
        String itemModule,
        String id,
        java.util.function.Function<T, String> idOf,
        String separator) {
      if (!itemModule.equals(moduleId)) {
        throw new ModuleRegistrationException(
            "Module '"
                + moduleId
                + "' may only declare "
                + kind
                + "s in its own"
                + " namespace '"
                + moduleId
                + separator
                + "': got '"
                + id
                + "'");
      }
      if (into.stream().anyMatch(existing -> idOf.apply(existing).equals(id))) {
        throw new ModuleRegistrationException(
            "Module '" + moduleId + "' declares " + kind + " '" + id + "' twice");
      }
      into.add(item);
      return this;
    }

    @Override
    public ModuleRegistrar permission(PermissionDescriptor permission) {
      return declare(
          permissions,
          permission,
          "permission",
          permission.moduleId(),
          permission.id(),
          PermissionDescriptor::id,
          ".");
    }

    @Override
    public ModuleRegistrar contentType(ContentTypeDescriptor contentType) {
      return declare(
          contentTypes,
          contentType,
          "content type",
          contentType.moduleId(),
          contentType.id(),
          ContentTypeDescriptor::id,
          "::");
    }

    @Override
    public ModuleRegistrar migrations(String classpathLocation) {
      migrations.add(classpathLocation);
      return this;
    }

    @Override
    public ModuleRegistrar resource(Class<?> resourceClass) {
      resources.add(java.util.Objects.requireNonNull(resourceClass, "resourceClass"));
      return this;
    }

    @Override
    public ModuleRegistrar job(JobDescriptor job) {
      return declare(jobs, job, "job", job.moduleId(), job.id(), JobDescriptor::id, ".");
    }

    @Override
    public ModuleRegistrar eventType(String type) {
      if (type == null
          || !type.startsWith(moduleId + ".")
          || type.length() > 32
          || !type.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+")) {
        throw new ModuleRegistrationException(
            "Module '"
                + moduleId
                + "' declares event type '"
                + type
                + "': it must be '"
                + moduleId
                + ".<name>', lower case, at most 32 characters");
      }
      return declare(eventTypes, type, "event type", moduleId, type, t -> t, ".");
    }

    @Override
    public ModuleRegistrar editorPage(EditorPageDescriptor page) {
      return declare(
          editorPages,
          page,
          "editor page",
          page.moduleId(),
          page.id(),
          EditorPageDescriptor::id,
          ".");
    }

    @Override
    public ModuleRegistrar pageModule(PageModuleDescriptor pageModule) {
      return declare(
          pageModules,
          pageModule,
          "page module",
          pageModule.moduleId(),
          pageModule.id(),
          PageModuleDescriptor::id,
          ".");
    }

    @Override
    public ModuleRegistrar citizenForm(CitizenFormDescriptor form) {
      return declare(
          citizenForms,
          form,
          "citizen form",
          form.moduleId(),
          form.id(),
          CitizenFormDescriptor::id,
          ".");
    }

    @Override
    public ModuleRegistrar publicPage(tw.gov.civitas.spi.PublicPageDescriptor page) {
      return declare(
          publicPages,
          page,
          "public page",
          page.moduleId(),
          page.id(),
          tw.gov.civitas.spi.PublicPageDescriptor::id,
          ".");
    }
  }
}
