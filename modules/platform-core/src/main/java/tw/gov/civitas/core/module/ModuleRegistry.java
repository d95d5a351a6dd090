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
import tw.gov.civitas.spi.ModuleRegistrar;
import tw.gov.civitas.spi.PermissionDescriptor;
import tw.gov.civitas.spi.PlatformModule;
import tw.gov.civitas.spi.job.JobDescriptor;
import tw.gov.civitas.spi.EditorPageDescriptor;
import tw.gov.civitas.spi.PageModuleDescriptor;

/**
 * The modules found at start, in dependency order, with everything they registered.
 *
 * <p>Built once per deployment by {@link #of}; any inconsistency (duplicate id, unknown or cyclic
 * dependency, a permission or content type outside the module's namespace, a duplicate
 * declaration) throws {@link ModuleRegistrationException}, which fails the deployment with a
 * message naming the module.
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
      List<CitizenFormDescriptor> citizenForms) {}

  private final List<Registration> ordered;
  private final Map<String, PermissionDescriptor> permissions;
  private final Map<String, ContentTypeDescriptor> contentTypes;
  private final Map<Class<?>, String> resourceModules;
  private final Map<String, JobDescriptor> jobs;

  private ModuleRegistry(List<Registration> ordered) {
    this.ordered = List.copyOf(ordered);
    Map<String, PermissionDescriptor> perms = new TreeMap<>();
    Map<String, ContentTypeDescriptor> types = new LinkedHashMap<>();
    for (Registration r : ordered) {
      for (PermissionDescriptor p : r.permissions()) {
        if (perms.putIfAbsent(p.id(), p) != null) {
          throw new ModuleRegistrationException("Module '" + r.module().id() + "' declares permission '" + p.id() + "' twice");
        }
      }
      for (ContentTypeDescriptor t : r.contentTypes()) {
        if (types.putIfAbsent(t.id(), t) != null) {
          throw new ModuleRegistrationException("Module '" + r.module().id() + "' declares content type '" + t.id() + "' twice");
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
          throw new ModuleRegistrationException("Module '" + r.module().id() + "' registers resource "
              + resource.getName() + ", already registered by '" + previous + "'");
        }
      }
      for (JobDescriptor job : r.jobs()) {
        if (jobsById.putIfAbsent(job.id(), job) != null) {
          throw new ModuleRegistrationException("Module '" + r.module().id() + "' declares job '" + job.id() + "' twice");
        }
      }
    }
    this.resourceModules = Collections.unmodifiableMap(resources);
    this.jobs = Collections.unmodifiableMap(jobsById);
  }

  /** Validates the modules, orders them by dependency and runs their {@code register} phase. */
  public static ModuleRegistry of(Collection<? extends PlatformModule> modules) {
    Map<String, PlatformModule> byId = new LinkedHashMap<>();
    for (PlatformModule m : modules) {
      String id = m.id();
      if (id == null || !id.matches("[a-z][a-z0-9-]*")) {
        throw new ModuleRegistrationException("Module " + m.getClass().getName() + " has an invalid id '" + id
            + "': use lower-case letters, digits and '-'");
      }
      PlatformModule previous = byId.putIfAbsent(id, m);
      if (previous != null) {
        throw new ModuleRegistrationException("Two modules share the id '" + id + "': "
            + previous.getClass().getName() + " and " + m.getClass().getName());
      }
    }
    for (PlatformModule m : byId.values()) {
      for (String dep : m.dependsOn()) {
        if (!byId.containsKey(dep)) {
          throw new ModuleRegistrationException("Module '" + m.id() + "' depends on '" + dep
              + "', which is not installed (installed: " + byId.keySet() + ")");
        }
      }
    }
    List<Registration> registrations = new ArrayList<>();
    for (PlatformModule m : topologicalOrder(byId)) {
      Collector collector = new Collector(m.id());
      m.register(collector);
      registrations.add(new Registration(m, List.copyOf(collector.permissions), List.copyOf(collector.contentTypes),
          List.copyOf(collector.migrations), List.copyOf(collector.resources), List.copyOf(collector.jobs),
          List.copyOf(collector.eventTypes), List.copyOf(collector.editorPages),
          List.copyOf(collector.pageModules), List.copyOf(collector.citizenForms)));
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

  private static void visit(String id, Map<String, PlatformModule> byId, Set<String> done, Set<String> visiting,
      List<PlatformModule> result) {
    if (done.contains(id)) {
      return;
    }
    if (!visiting.add(id)) {
      throw new ModuleRegistrationException("Modules depend on each other in a cycle: " + String.join(" -> ", visiting)
          + " -> " + id);
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
    return ordered.stream().flatMap(r -> r.citizenForms().stream()).filter(f -> f.id().equals(id)).findFirst();
  }

  public List<CitizenFormDescriptor> citizenForms() {
    return ordered.stream().flatMap(r -> r.citizenForms().stream()).toList();
  }

  /** Every module's page modules, in module order. */
  public List<PageModuleDescriptor> pageModules() {
    return ordered.stream().flatMap(r -> r.pageModules().stream()).toList();
  }

  /** Every module's editor pages, in module order. */
  public List<EditorPageDescriptor> editorPages() {
    return ordered.stream().flatMap(r -> r.editorPages().stream()).toList();
  }

  public Optional<EditorPageDescriptor> editorPage(String id) {
    return editorPages().stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** The event types modules publish, which webhooks may subscribe to besides the core's. */
  public Set<String> eventTypes() {
    Set<String> types = new java.util.TreeSet<>();
    ordered.forEach(r -> types.addAll(r.eventTypes()));
    return types;
  }

  public Optional<PlatformModule> module(String id) {
    return ordered.stream().map(Registration::module).filter(m -> m.id().equals(id)).findFirst();
  }

  /**
   * Whether a module exists on a site whose {@code enabledModules} setting is {@code siteModules}:
   * the platform's own modules everywhere, a plug-in where the site enables it.
   */
  public boolean enabledOn(Collection<String> siteModules, String moduleId) {
    return module(moduleId).map(m -> !m.enabledPerSite() || siteModules.contains(moduleId)).orElse(false);
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

    Collector(String moduleId) {
      this.moduleId = moduleId;
    }

    @Override
    public ModuleRegistrar permission(PermissionDescriptor permission) {
      if (!permission.moduleId().equals(moduleId)) {
        throw new ModuleRegistrationException("Module '" + moduleId + "' may only declare permissions in its own namespace '"
            + moduleId + ".': got '" + permission.id() + "'");
      }
      permissions.add(permission);
      return this;
    }

    @Override
    public ModuleRegistrar contentType(ContentTypeDescriptor contentType) {
      if (!contentType.moduleId().equals(moduleId)) {
        throw new ModuleRegistrationException("Module '" + moduleId + "' may only declare content types in its own namespace '"
            + moduleId + "::': got '" + contentType.id() + "'");
      }
      contentTypes.add(contentType);
      return this;
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
      if (!job.moduleId().equals(moduleId)) {
        throw new ModuleRegistrationException("Module '" + moduleId + "' may only declare jobs in its own namespace '"
            + moduleId + ".': got '" + job.id() + "'");
      }
      jobs.add(job);
      return this;
    }

    @Override
    public ModuleRegistrar eventType(String type) {
      if (type == null || !type.startsWith(moduleId + ".") || type.length() > 32
          || !type.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+")) {
        throw new ModuleRegistrationException("Module '" + moduleId + "' declares event type '" + type
            + "': it must be '" + moduleId + ".<name>', lower case, at most 32 characters");
      }
      if (eventTypes.contains(type)) {
        throw new ModuleRegistrationException("Module '" + moduleId + "' declares event type '" + type + "' twice");
      }
      eventTypes.add(type);
      return this;
    }

    @Override
    public ModuleRegistrar editorPage(EditorPageDescriptor page) {
      if (!page.moduleId().equals(moduleId)) {
        throw new ModuleRegistrationException("Module '" + moduleId + "' may only declare editor pages in its own"
            + " namespace '" + moduleId + ".': got '" + page.id() + "'");
      }
      if (editorPages.stream().anyMatch(p -> p.id().equals(page.id()))) {
        throw new ModuleRegistrationException("Module '" + moduleId + "' declares editor page '" + page.id() + "' twice");
      }
      editorPages.add(page);
      return this;
    }

    @Override
    public ModuleRegistrar pageModule(PageModuleDescriptor pageModule) {
      if (!pageModule.moduleId().equals(moduleId)) {
        throw new ModuleRegistrationException("Module '" + moduleId + "' may only declare page modules in its own"
            + " namespace '" + moduleId + ".': got '" + pageModule.id() + "'");
      }
      if (pageModules.stream().anyMatch(p -> p.id().equals(pageModule.id()))) {
        throw new ModuleRegistrationException("Module '" + moduleId + "' declares page module '" + pageModule.id()
            + "' twice");
      }
      pageModules.add(pageModule);
      return this;
    }

    @Override
    public ModuleRegistrar citizenForm(CitizenFormDescriptor form) {
      if (!form.moduleId().equals(moduleId)) {
        throw new ModuleRegistrationException("Module '" + moduleId + "' may only declare citizen forms in its own"
            + " namespace '" + moduleId + ".': got '" + form.id() + "'");
      }
      if (citizenForms.stream().anyMatch(f -> f.id().equals(form.id()))) {
        throw new ModuleRegistrationException("Module '" + moduleId + "' declares citizen form '" + form.id() + "' twice");
      }
      citizenForms.add(form);
      return this;
    }
  }
}
