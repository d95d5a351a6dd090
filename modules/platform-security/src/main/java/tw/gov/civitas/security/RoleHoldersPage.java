package tw.gov.civitas.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tw.gov.civitas.core.security.AccessDeniedException;
import tw.gov.civitas.spi.EditorPageSource;

/** Who holds which role on a site, read from Keycloak for the editor's role holders page. */
@RequestScoped
public class RoleHoldersPage implements EditorPageSource {

  @Inject CallerFactory callers;
  @Inject RoleDirectory roles;

  @Override
  public List<Map<String, String>> rows(String siteKey) {
    var caller =
        callers.current().orElseThrow(() -> new AccessDeniedException("Sign in to do this"));
    return roles.holders(caller, siteKey).stream()
        .map(
            h -> {
              Map<String, String> row = new LinkedHashMap<>();
              row.put("role", h.role());
              row.put("username", h.username());
              String name = String.join(" ", nonNull(h.firstName()), nonNull(h.lastName())).strip();
              row.put("name", name);
              row.put("email", nonNull(h.email()));
              return row;
            })
        .toList();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
