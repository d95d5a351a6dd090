package tw.gov.civitas.editor;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.security.SiteAuthorization;
import tw.gov.civitas.core.tenancy.SiteRepository;
import tw.gov.civitas.security.CallerFactory;
import tw.gov.civitas.spi.EditorPageDescriptor;
import tw.gov.civitas.spi.EditorSlot;

/** The modules' editor pages a user may open from a slot: the navigation the editor renders. */
@Named("modulePages")
@RequestScoped
public class ModulePages {

  /** A link in a slot (Faces EL reads getters). */
  public static class Link {
    private final String href;
    private final String title;

    Link(String href, String title) {
      this.href = href;
      this.title = title;
    }

    public String getHref() {
      return href;
    }

    public String getTitle() {
      return title;
    }
  }

  @Inject CallerFactory callers;
  @Inject Platform platform;
  @Inject SiteRepository sites;
  @Inject SiteAuthorization authorization;
  @Inject EditorLanguage lang;

  /** Pages of a site's workspace: of the modules the site enables, that the user may open there. */
  public List<Link> forSite(String siteKey) {
    Caller caller = callers.current().orElseThrow();
    List<String> enabled =
        sites.findByKey(siteKey).map(s -> s.getEnabledModules()).orElse(List.of());
    return platform.registry().editorPages().stream()
        .filter(
            p ->
                p.slot() == EditorSlot.SITE && platform.registry().enabledOn(enabled, p.moduleId()))
        .filter(p -> allowed(authorization, caller, p, siteKey))
        .map(p -> new Link("module.xhtml?site=" + siteKey + "&page=" + p.id(), title(p)))
        .toList();
  }

  /** Pages of the start page and of platform administration that the user may open. */
  public List<Link> getPlatformPages() {
    Caller caller = callers.current().orElseThrow();
    return platform.registry().editorPages().stream()
        .filter(p -> p.slot() != EditorSlot.SITE && allowed(authorization, caller, p, null))
        .map(p -> new Link("module.xhtml?page=" + p.id(), title(p)))
        .toList();
  }

  static boolean allowed(
      SiteAuthorization authorization, Caller caller, EditorPageDescriptor page, String site) {
    return authorization.holds(
        caller, page.slot() == EditorSlot.SITE ? site : null, page.permission());
  }

  private String title(EditorPageDescriptor p) {
    return lang.pick(p.titleZh(), p.titleEn());
  }
}
