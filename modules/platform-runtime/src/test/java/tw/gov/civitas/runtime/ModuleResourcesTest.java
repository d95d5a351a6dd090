package tw.gov.civitas.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.module.ModuleRegistrationException;
import tw.gov.civitas.core.module.ModuleRegistry;
import tw.gov.civitas.spi.CitizenFormDescriptor;
import tw.gov.civitas.spi.CitizenFormHandler;
import tw.gov.civitas.spi.CitizenFormSubmission;
import tw.gov.civitas.spi.EditorPageDescriptor;
import tw.gov.civitas.spi.EditorSlot;
import tw.gov.civitas.spi.FieldDescriptor;
import tw.gov.civitas.spi.ModuleRegistrar;
import tw.gov.civitas.spi.PermissionDescriptor;
import tw.gov.civitas.spi.PlatformModule;
import tw.gov.civitas.spi.SiteRole;
import tw.gov.civitas.spi.job.JobDescriptor;
import tw.gov.civitas.spi.job.JobRun;
import tw.gov.civitas.spi.job.ScheduledJob;
import tw.gov.civitas.spi.web.Permission;

/** A module's REST resources and jobs are checked at deployment, each mistake named. */
class ModuleResourcesTest {

  record Module(String id, Consumer<ModuleRegistrar> declarations) implements PlatformModule {
    @Override
    public void register(ModuleRegistrar registrar) {
      registrar.permission(
          PermissionDescriptor.of(
              id + ".venue.manage", "Manage venues", java.util.Set.of(SiteRole.SITE_ADMIN)));
      declarations.accept(registrar);
    }
  }

  @RequestScoped
  @Path("manage/sites/{site}/booking/venues")
  public static class Venues {
    @GET
    @Permission("booking.venue.manage")
    public String list() {
      return "[]";
    }

    @POST
    @Path("{id}/close")
    @Permission("booking.venue.manage")
    public void close() {}
  }

  @RequestScoped
  @Path("sites/{site}/booking/venues")
  public static class Unguarded {
    @GET
    public String list() {
      return "[]";
    }
  }

  @RequestScoped
  @Path("sites/{site}/booking/venues")
  public static class Undeclared {
    @GET
    @Permission("booking.venue.book")
    public String list() {
      return "[]";
    }
  }

  @RequestScoped
  @Path("sites/{site}/content")
  public static class Squatter {
    @GET
    @Permission(Permission.PUBLIC)
    public String list() {
      return "[]";
    }
  }

  @Path("sites/{site}/booking/venues")
  public static class NotABean {
    @GET
    @Permission(Permission.PUBLIC)
    public String list() {
      return "[]";
    }
  }

  @RequestScoped
  @Path("sites/{site}/booking")
  public static class Locator {
    @Path("venues")
    public Venues venues() {
      return new Venues();
    }

    @GET
    @Permission(Permission.PUBLIC)
    public String list() {
      return "[]";
    }
  }

  @jakarta.enterprise.context.ApplicationScoped
  public static class Tick implements ScheduledJob {
    @Override
    public void run(JobRun run) {}
  }

  @jakarta.enterprise.context.ApplicationScoped
  public static class TextOnlyHandler implements CitizenFormHandler {
    @Override
    public String submit(String siteKey, java.util.Map<String, String> values) {
      return "A-1";
    }
  }

  @jakarta.enterprise.context.ApplicationScoped
  public static class FilesHandler implements CitizenFormHandler {
    @Override
    public String submit(CitizenFormSubmission submission) {
      return "A-2";
    }
  }

  @jakarta.enterprise.context.ApplicationScoped
  public static class NoHandler implements CitizenFormHandler {}

  private static CitizenFormDescriptor form(
      boolean withFile, Class<? extends CitizenFormHandler> handler) {
    CitizenFormDescriptor.Builder b =
        CitizenFormDescriptor.builder("booking.application")
            .title("申請", "Application")
            .field(FieldDescriptor.text("subject", true, 200), "事項", "Subject");
    if (withFile) {
      b.field(
          FieldDescriptor.file("plan", false, 1024, List.of("application/pdf")),
          "平面圖",
          "Floor plan");
    }
    return b.handler(handler).build();
  }

  private static String refusal(Consumer<ModuleRegistrar> declarations) {
    return assertThrows(
            ModuleRegistrationException.class,
            () ->
                ModuleResources.checkAll(
                    ModuleRegistry.of(
                        List.of(new CoreModule(), new Module("booking", declarations)))))
        .getMessage();
  }

  @Test
  void aWellFormedResourceIsRegisteredWithItsOperations() {
    ModuleRegistry registry =
        ModuleRegistry.of(
            List.of(new CoreModule(), new Module("booking", r -> r.resource(Venues.class))));
    ModuleResources.checkAll(registry);
    assertEquals("booking", registry.moduleOfResource(Venues.class).orElseThrow());
    assertEquals(
        List.of(
            "GET manage/sites/{site}/booking/venues",
            "POST manage/sites/{site}/booking/venues/{id}/close"),
        ModuleResources.operations(Venues.class).stream()
            .map(o -> o.httpMethod() + " " + o.path())
            .sorted()
            .toList());
  }

  @Test
  void anOperationWithoutAPermissionFailsTheDeployment() {
    String m = refusal(r -> r.resource(Unguarded.class));
    assertTrue(
        m.contains("'booking'")
            && m.contains("Unguarded#list")
            && m.contains("declares no @Permission"),
        m);
  }

  @Test
  void aPermissionThatNoModuleDeclaresFailsTheDeployment() {
    String m = refusal(r -> r.resource(Undeclared.class));
    assertTrue(m.contains("'booking.venue.book', which no module declares"), m);
  }

  @Test
  void aModuleCannotTakeAPathOutsideItsOwn() {
    assertTrue(
        refusal(r -> r.resource(Squatter.class))
            .contains("a module's paths start with sites/{site}/booking"));
  }

  @Test
  void resourcesMustBeBeansAndLocatorsAreRefused() {
    assertTrue(refusal(r -> r.resource(NotABean.class)).contains("must be a CDI bean"));
    assertTrue(refusal(r -> r.resource(Locator.class)).contains("sub-resource locator"));
  }

  @Test
  void aFormWithFilesNeedsTheHandlerThatReceivesThem() {
    assertTrue(
        refusal(r -> r.citizenForm(form(true, TextOnlyHandler.class)))
            .contains("must implement submit(CitizenFormSubmission): the form has file fields"));
    assertTrue(
        refusal(r -> r.citizenForm(form(false, NoHandler.class)))
            .contains("implements neither submit method"));
    ModuleResources.checkAll(
        ModuleRegistry.of(
            List.of(
                new CoreModule(),
                new Module("booking", r -> r.citizenForm(form(true, FilesHandler.class))))));
    ModuleResources.checkAll(
        ModuleRegistry.of(
            List.of(
                new CoreModule(),
                new Module("booking", r -> r.citizenForm(form(false, TextOnlyHandler.class))))));
  }

  @Test
  void jobsAreNamespacedAndUnique() {
    JobDescriptor tick =
        JobDescriptor.builder("booking.tick").every(Duration.ofMinutes(1)).runs(Tick.class).build();
    assertTrue(refusal(r -> r.job(tick).job(tick)).contains("declares job 'booking.tick' twice"));
    assertTrue(
        refusal(
                r ->
                    r.job(
                        JobDescriptor.builder("ecounter.tick")
                            .every(Duration.ofMinutes(1))
                            .runs(Tick.class)
                            .build()))
            .contains("own namespace"));
  }

  @Test
  void aPlugInExistsOnlyWhereASiteEnablesItAndTheCoreEverywhere() {
    ModuleRegistry registry =
        ModuleRegistry.of(List.of(new CoreModule(), new Module("booking", r -> {})));
    assertTrue(registry.enabledOn(List.of("booking"), "booking"));
    assertFalse(registry.enabledOn(List.of(), "booking"));
    assertTrue(registry.enabledOn(List.of(), "core"));
    assertFalse(registry.enabledOn(List.of("nothing"), "nothing"));
  }

  private static EditorPageDescriptor calendar(String view) {
    return EditorPageDescriptor.builder("booking.calendar")
        .slot(EditorSlot.SITE)
        .title("行事曆", "Calendar")
        .permission("booking.venue.manage")
        .view(view)
        .build();
  }

  @Test
  void anEditorPagesViewIsFoundInItsModulesJarOrTheDeploymentFails() {
    ModuleRegistry registry =
        ModuleRegistry.of(
            List.of(
                new CoreModule(),
                new Module("booking", r -> r.editorPage(calendar("calendar.xhtml")))));
    ModuleResources.checkAll(registry);
    assertTrue(
        EditorViews.declared(registry, "booking", "calendar.xhtml")
            .orElseThrow()
            .toExternalForm()
            .endsWith("META-INF/civitas/editor/booking/calendar.xhtml"));
    String m = refusal(r -> r.editorPage(calendar("board.xhtml")));
    assertTrue(
        m.contains("Module 'booking'")
            && m.contains("booking.calendar")
            && m.contains("board.xhtml")
            && m.contains("META-INF/civitas/editor/booking/board.xhtml"),
        m);
  }

  @Test
  void onlyADeclaredViewOfTheModulesOwnJarIsFound() {
    ModuleRegistry registry =
        ModuleRegistry.of(
            List.of(
                new CoreModule(),
                new Module("booking", r -> r.editorPage(calendar("calendar.xhtml")))));
    assertFalse(EditorViews.declared(registry, "booking", "other.xhtml").isPresent());
    assertFalse(EditorViews.declared(registry, "core", "calendar.xhtml").isPresent());
    assertFalse(EditorViews.declared(registry, "nothing", "calendar.xhtml").isPresent());
    // a file of the same name in another jar of the class loader is not the module's
    assertFalse(
        EditorViews.inJarOf(new CoreModule(), "META-INF/civitas/editor/booking/calendar.xhtml")
            .isPresent());
  }
}
