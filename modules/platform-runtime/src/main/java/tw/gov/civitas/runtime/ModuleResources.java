package tw.gov.civitas.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tw.gov.civitas.core.module.ModuleRegistrationException;
import tw.gov.civitas.core.module.ModuleRegistry;
import tw.gov.civitas.spi.CitizenFormDescriptor;
import tw.gov.civitas.spi.CitizenFormHandler;
import tw.gov.civitas.spi.CitizenFormSubmission;
import tw.gov.civitas.spi.web.Permission;

/**
 * The rules a module's REST resource must follow, checked when the deployment starts so that a
 * mistake fails it with the module's name rather than opening (or silently closing) an operation.
 */
public final class ModuleResources {

  /** What a permission value may be besides a registered permission id. */
  public static final Set<String> BUILT_IN =
      Set.of(
          Permission.PUBLIC, Permission.SIGNED_IN, Permission.CITIZEN, Permission.PLATFORM_ADMIN);

  private ModuleResources() {}

  /**
   * One operation of a resource: its HTTP method, its path under {@code /api/v1} and its
   * permission.
   */
  public record Operation(String httpMethod, String path, String permission, Method method) {}

  /** Checks every resource every module registered; called once when the platform starts. */
  public static void checkAll(ModuleRegistry registry) {
    registry
        .resources()
        .forEach(
            (resource, moduleId) -> check(moduleId, resource, registry.permissions().keySet()));
    for (var page : registry.editorPages()) {
      String where = "Module '" + page.moduleId() + "': editor page " + page.id();
      if (!BUILT_IN.contains(page.permission())
          && !registry.permissions().containsKey(page.permission())) {
        throw new ModuleRegistrationException(
            where + " needs permission '" + page.permission() + "', which no module declares");
      }
      if (page.source() != null) {
        requireBean(where + " reads", page.source(), ApplicationScoped.class, RequestScoped.class);
      }
      page.viewResource()
          .ifPresent(
              resource -> {
                if (EditorViews.declared(registry, page.moduleId(), page.view().orElseThrow())
                    .isEmpty()) {
                  throw new ModuleRegistrationException(
                      where
                          + " declares view "
                          + page.view().orElseThrow()
                          + ", but the module's jar has no "
                          + resource);
                }
              });
    }
    for (var form : registry.citizenForms()) {
      requireBean(
          "Module '" + form.moduleId() + "': citizen form " + form.id() + " is handled by",
          form.handler(),
          ApplicationScoped.class,
          RequestScoped.class);
      checkHandler(form);
    }
    for (var module : registry.pageModules()) {
      String where = "Module '" + module.moduleId() + "': page module " + module.id();
      requireBean(where + " reads", module.model(), ApplicationScoped.class, RequestScoped.class);
      if (module.model().getClassLoader().getResource(module.template() + ".peb") == null) {
        throw new ModuleRegistrationException(
            where + " has no template " + module.template() + ".peb in its jar");
      }
    }
    for (var page : registry.publicPages()) {
      String where = "Module '" + page.moduleId() + "': public page " + page.id();
      requireBean(where + " reads", page.model(), ApplicationScoped.class, RequestScoped.class);
      if (page.model().getClassLoader().getResource(page.template() + ".peb") == null) {
        throw new ModuleRegistrationException(
            where + " has no template " + page.template() + ".peb in its jar");
      }
    }
    for (var template : tw.gov.civitas.core.template.SiteTemplates.all().values()) {
      var layoutErrors = new java.util.ArrayList<tw.gov.civitas.core.error.FieldError>();
      tw.gov.civitas.core.tenancy.PageLayouts.check(
          template.pageLayouts(), registry, template.modules(), layoutErrors);
      if (!layoutErrors.isEmpty()) {
        throw new ModuleRegistrationException(
            "Site template '"
                + template.id()
                + "' has page layouts that cannot work: "
                + layoutErrors.stream().map(e -> e.field() + " " + e.message()).toList());
      }
      template
          .pageModules()
          .forEach(
              (region, ids) -> {
                if (tw.gov.civitas.spi.PageRegion.byKey(region).isEmpty()) {
                  throw new ModuleRegistrationException(
                      "Site template '"
                          + template.id()
                          + "' places page modules in '"
                          + region
                          + "', which is no page region");
                }
                ids.stream()
                    .filter(id -> registry.pageModule(id).isEmpty())
                    .findFirst()
                    .ifPresent(
                        id -> {
                          throw new ModuleRegistrationException(
                              "Site template '"
                                  + template.id()
                                  + "' places page module '"
                                  + id
                                  + "', which no module registers");
                        });
              });
    }
    for (var job : registry.jobs()) {
      requireBean(
          "Module '" + job.moduleId() + "': job " + job.id() + " runs",
          job.job(),
          ApplicationScoped.class,
          jakarta.enterprise.context.Dependent.class);
    }
  }

  /**
   * A handler implements one of its two submit methods; a form with file fields the one that
   * receives them (the other would drop the citizen's files silently).
   */
  static void checkHandler(CitizenFormDescriptor form) {
    boolean withFiles = implemented(form.handler(), CitizenFormSubmission.class);
    boolean textOnly = implemented(form.handler(), String.class, java.util.Map.class);
    String where =
        "Module '"
            + form.moduleId()
            + "': citizen form "
            + form.id()
            + "'s handler "
            + form.handler().getName();
    if (form.hasFiles() && !withFiles) {
      throw new ModuleRegistrationException(
          where + " must implement submit(CitizenFormSubmission): the form has" + " file fields");
    }
    if (!withFiles && !textOnly) {
      throw new ModuleRegistrationException(where + " implements neither submit method");
    }
  }

  private static boolean implemented(Class<?> handler, Class<?>... parameters) {
    try {
      return !handler
          .getMethod("submit", parameters)
          .getDeclaringClass()
          .equals(CitizenFormHandler.class);
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /**
   * The platform looks a module's classes up in CDI: each must carry one of the scopes it can be
   * looked up in.
   */
  @SafeVarargs
  private static void requireBean(
      String what, Class<?> type, Class<? extends Annotation>... scopes) {
    for (Class<? extends Annotation> scope : scopes) {
      if (type.isAnnotationPresent(scope)) {
        return;
      }
    }
    throw new ModuleRegistrationException(
        what
            + " "
            + type.getName()
            + ", which must be a CDI bean: annotate it "
            + java.util.Arrays.stream(scopes)
                .map(c -> "@" + c.getSimpleName())
                .collect(java.util.stream.Collectors.joining(" or ")));
  }

  static void check(String moduleId, Class<?> resource, Set<String> declaredPermissions) {
    String where = "Module '" + moduleId + "': resource " + resource.getName();
    Path path = resource.getAnnotation(Path.class);
    if (path == null) {
      throw new ModuleRegistrationException(where + " has no @Path");
    }
    String root = trim(path.value());
    String id = Pattern.quote(moduleId);
    if (!root.matches(
        "(sites/\\{site}/" + id + "|manage/sites/\\{site}/" + id + "|manage/" + id + ")(/.*)?")) {
      throw new ModuleRegistrationException(
          where
              + " is at '"
              + root
              + "': a module's paths start with sites/{site}/"
              + moduleId
              + ", manage/sites/{site}/"
              + moduleId
              + " or manage/"
              + moduleId);
    }
    requireBean(
        "Module '" + moduleId + "': resource",
        resource,
        RequestScoped.class,
        ApplicationScoped.class);
    List<Operation> operations = operations(resource);
    if (operations.isEmpty()) {
      throw new ModuleRegistrationException(where + " has no operations");
    }
    for (Method m : resource.getMethods()) {
      if (m.isAnnotationPresent(Path.class) && httpMethod(m) == null) {
        throw new ModuleRegistrationException(
            where
                + "#"
                + m.getName()
                + " is a sub-resource locator: the gate decides on the matched operation, so declare each operation");
      }
    }
    for (Operation op : operations) {
      String at =
          where + "#" + op.method().getName() + " (" + op.httpMethod() + " /" + op.path() + ")";
      if (op.permission() == null) {
        throw new ModuleRegistrationException(
            at + " declares no @Permission: every operation says who may call it");
      }
      if (!BUILT_IN.contains(op.permission()) && !declaredPermissions.contains(op.permission())) {
        throw new ModuleRegistrationException(
            at + " needs permission '" + op.permission() + "', which no module declares");
      }
    }
  }

  /** The operations of a resource class, with their full paths under {@code /api/v1}. */
  public static List<Operation> operations(Class<?> resource) {
    Path classPath = resource.getAnnotation(Path.class);
    List<Operation> operations = new ArrayList<>();
    for (Method m : resource.getMethods()) {
      String http = httpMethod(m);
      if (http == null || Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      Path methodPath = m.getAnnotation(Path.class);
      String full =
          trim(classPath == null ? "" : classPath.value())
              + (methodPath == null || trim(methodPath.value()).isEmpty()
                  ? ""
                  : "/" + trim(methodPath.value()));
      Permission permission = m.getAnnotation(Permission.class);
      operations.add(new Operation(http, full, permission == null ? null : permission.value(), m));
    }
    return operations;
  }

  private static String httpMethod(Method m) {
    for (Annotation a : m.getAnnotations()) {
      HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  private static String trim(String path) {
    return path.replaceAll("^/+|/+$", "");
  }
}
