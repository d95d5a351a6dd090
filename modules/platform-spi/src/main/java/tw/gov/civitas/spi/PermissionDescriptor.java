package tw.gov.civitas.spi;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A permission declared by a module, with the site roles and platform roles that hold it. Platform
 * administrators hold every permission; a {@link PlatformRole#DIGITAL_REVIEWER} holds only what is
 * granted to it here, on every site. Built with {@link #builder}.
 */
public final class PermissionDescriptor {

  private final String id;
  private final String displayName;
  private final Set<SiteRole> grantedTo;
  private final Set<PlatformRole> grantedToPlatformRoles;

  private PermissionDescriptor(Builder b) {
    this.id = Objects.requireNonNull(b.id, "id");
    if (!id.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+")) {
      throw new IllegalArgumentException(
          "permission id must be namespaced, e.g. booking.venue.manage: " + id);
    }
    this.displayName =
        Objects.requireNonNull(b.displayName, () -> "permission " + id + " needs a display name");
    this.grantedTo = Set.copyOf(b.siteRoles);
    this.grantedToPlatformRoles = Set.copyOf(b.platformRoles);
  }

  /**
   * @param id namespaced, {@code <module>.<object>.<verb>}, e.g. {@code booking.venue.manage}
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Shorthand for a permission held by site roles only. */
  public static PermissionDescriptor of(String id, String displayName, Set<SiteRole> grantedTo) {
    return builder(id).displayName(displayName).grantTo(grantedTo.toArray(SiteRole[]::new)).build();
  }

  public String id() {
    return id;
  }

  /** What an administrator reads in the role overview. */
  public String displayName() {
    return displayName;
  }

  /** The site roles that hold it on their own site. */
  public Set<SiteRole> grantedTo() {
    return grantedTo;
  }

  /** The platform roles that hold it on every site. */
  public Set<PlatformRole> grantedToPlatformRoles() {
    return grantedToPlatformRoles;
  }

  public String moduleId() {
    return id.substring(0, id.indexOf('.'));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PermissionDescriptor p
        && id.equals(p.id)
        && displayName.equals(p.displayName)
        && grantedTo.equals(p.grantedTo)
        && grantedToPlatformRoles.equals(p.grantedToPlatformRoles);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, displayName, grantedTo, grantedToPlatformRoles);
  }

  @Override
  public String toString() {
    return "PermissionDescriptor[" + id + " → " + grantedTo + " " + grantedToPlatformRoles + "]";
  }

  /** Collects a permission's name and grants. */
  public static final class Builder {
    private final String id;
    private String displayName;
    private final Set<SiteRole> siteRoles = EnumSet.noneOf(SiteRole.class);
    private final Set<PlatformRole> platformRoles = EnumSet.noneOf(PlatformRole.class);

    private Builder(String id) {
      this.id = id;
    }

    public Builder displayName(String displayName) {
      this.displayName = displayName;
      return this;
    }

    public Builder grantTo(SiteRole... roles) {
      siteRoles.addAll(Set.of(roles));
      return this;
    }

    public Builder grantTo(PlatformRole... roles) {
      platformRoles.addAll(Set.of(roles));
      return this;
    }

    public PermissionDescriptor build() {
      return new PermissionDescriptor(this);
    }
  }
}
