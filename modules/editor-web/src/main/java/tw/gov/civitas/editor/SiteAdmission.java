package tw.gov.civitas.editor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Optional;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.security.SiteAuthorization;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;
import tw.gov.civitas.security.CallerFactory;

/**
 * The first step of every site screen: 404 for a site that does not exist, 403 (the error page)
 * without the screen's permission there, before anything of the site is read. The services check
 * again on every call.
 */
@ApplicationScoped
public class SiteAdmission {

  @Inject CallerFactory callers;
  @Inject SiteRepository sites;
  @Inject SiteAuthorization authorization;

  /** The site, or empty when the response is already the error page. */
  public Optional<Site> admit(String siteKey, String permission) throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext ext = faces.getExternalContext();
    Caller caller = callers.current().orElseThrow();
    Site found = siteKey == null ? null : sites.findByKey(siteKey).orElse(null);
    if (found == null) {
      ext.responseSendError(404, "No such site");
      faces.responseComplete();
      return Optional.empty();
    }
    if (!authorization.holds(caller, siteKey, permission)) {
      ext.responseSendError(403, "Not allowed on this site");
      faces.responseComplete();
      return Optional.empty();
    }
    return Optional.of(found);
  }

  /** Answers 404 (a missing item, type or revision of an admitted site). */
  public static void notFound() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.getExternalContext().responseSendError(404, "Not found");
    faces.responseComplete();
  }

  /**
   * A view parameter's value: the first request's. Faces decodes view parameters again from every
   * post (a form's own hidden fields among them), and a post must not move a page to another site,
   * item or menu than the one it shows.
   */
  public static String firstValue(String current, String given) {
    return current == null ? given : current;
  }
}
