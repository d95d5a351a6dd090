package tw.gov.civitas.spi;

import java.util.Objects;
import java.util.Set;

/**
 * A permission declared by a module, with the site roles that hold it by default.
 *
 * @param id namespaced id, {@code <module>.<object>.<verb>}, e.g. {@code booking.venue.manage}
 * @param displayName what an administrator reads in the role overview
 * @param grantedTo the site roles that hold it (platform administrators hold every permission)
 */
public record PermissionDescriptor(String id, String displayName, Set<SiteRole> grantedTo) {
  public PermissionDescriptor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    grantedTo = Set.copyOf(grantedTo);
    if (!id.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+")) {
      throw new IllegalArgumentException("permission id must be namespaced, e.g. booking.venue.manage: " + id);
    }
  }

  public String moduleId() {
    return id.substring(0, id.indexOf('.'));
  }
}
