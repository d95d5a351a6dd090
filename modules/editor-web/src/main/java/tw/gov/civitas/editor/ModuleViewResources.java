package tw.gov.civitas.editor;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ResourceHandlerWrapper;
import jakarta.faces.application.ViewResource;
import jakarta.faces.context.FacesContext;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.runtime.EditorViews;

/**
 * Finds a module's own editor view ({@code META-INF/civitas/editor/<module>/<file>} in its jar, in
 * the EAR's {@code lib/}, which the servlet container does not serve) for the one place that
 * includes it: the module page being built, after its bean admitted the user. Under {@code
 * /module-views/} nothing else is found, so a request for such a path is no view at all (web.xml
 * also refuses it), whatever its spelling: the decision is on the view Faces resolved, not on the
 * URL.
 */
public class ModuleViewResources extends ResourceHandlerWrapper {

  /** The view ids the module page includes: {@code /module-views/<module>/<file>}. */
  static final String PREFIX = "/module-views/";

  /**
   * Where each view is: the modules are fixed for the deployment, and Faces asks on every request.
   */
  private final Map<String, Optional<URL>> found = new ConcurrentHashMap<>();

  public ModuleViewResources(ResourceHandler wrapped) {
    super(wrapped);
  }

  @Override
  public ViewResource createViewResource(FacesContext context, String resourceName) {
    if (resourceName == null || !resourceName.startsWith(PREFIX)) {
      return super.createViewResource(context, resourceName);
    }
    if (context.getViewRoot() == null
        || !ModulePageBean.VIEW_ID.equals(context.getViewRoot().getViewId())) {
      return null; // a part of the module page, never a page of its own
    }
    // the view the admitted page shows, and no other (the bean has none until it admitted the user)
    String admitted = CDI.current().select(ModulePageBean.class).get().getView();
    if (!resourceName.equals(admitted)) {
      return null;
    }
    return found
        .computeIfAbsent(admitted, ModuleViewResources::locate)
        .map(Found::new)
        .orElse(null);
  }

  private static Optional<URL> locate(String viewId) {
    String[] moduleAndFile = viewId.substring(PREFIX.length()).split("/", -1);
    if (moduleAndFile.length != 2) {
      return Optional.empty();
    }
    Platform platform = CDI.current().select(Platform.class).get();
    return EditorViews.declared(platform.registry(), moduleAndFile[0], moduleAndFile[1]);
  }

  private static final class Found extends ViewResource {
    private final URL url;

    Found(URL url) {
      this.url = url;
    }

    @Override
    public URL getURL() {
      return url;
    }
  }
}
