package tw.gov.civitas.editor;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.tenancy.Site;
import tw.gov.civitas.core.tenancy.SiteRepository;
import tw.gov.civitas.security.CallerFactory;
import tw.gov.civitas.spi.SiteRole;

/** The editor's landing page: who is signed in and which sites they may work on. */
@Named("editorHome")
@RequestScoped
public class EditorHomeBean {

  /** A row of the "your sites" table (Faces EL needs getters, not record accessors). */
  public static class SiteRow {
    private final String key;
    private final String name;
    private final String roles;

    SiteRow(String key, String name, String roles) {
      this.key = key;
      this.name = name;
      this.roles = roles;
    }

    public String getKey() {
      return key;
    }

    public String getName() {
      return name;
    }

    public String getRoles() {
      return roles;
    }
  }

  @Inject CallerFactory callers;
  @Inject SiteRepository sites;
  @Inject EditorLanguage lang;

  private Caller caller;

  private Caller caller() {
    if (caller == null) {
      caller =
          callers
              .current()
              .orElseThrow(() -> new IllegalStateException("the editor requires a signed-in user"));
    }
    return caller;
  }

  public String getUsername() {
    return caller().username();
  }

  public boolean isPlatformAdmin() {
    return caller().isPlatformAdmin();
  }

  private List<SiteRow> siteRows;

  /** Read once per request: the start page asks for them several times. */
  public List<SiteRow> getSites() {
    if (siteRows == null) {
      siteRows = readSites();
    }
    return siteRows;
  }

  private List<SiteRow> readSites() {
    List<SiteRow> rows = new ArrayList<>();
    Map<String, Set<SiteRole>> roles = caller().siteRoles();
    for (Site s : sites.findAll()) {
      Set<SiteRole> held = roles.getOrDefault(s.getKey(), Set.of());
      if (caller().isPlatformAdmin() || !held.isEmpty()) {
        String label =
            caller().isPlatformAdmin() && held.isEmpty()
                ? lang.text("role.platform-admin")
                : held.stream()
                    .map(r -> lang.text("role." + r.groupName()))
                    .sorted()
                    .collect(Collectors.joining(lang.isEnglish() ? ", " : "、"));
        rows.add(new SiteRow(s.getKey(), lang.pick(s.getNameZh(), s.getNameEn()), label));
      }
    }
    return rows;
  }
}
