package tw.gov.civitas.delivery.manage;

/**
 * The permission a management operation needs is written once, as the OpenAPI extension
 * {@value #EXTENSION} on the resource method: {@link PermissionFilter} enforces it, and
 * {@code /openapi} publishes it (the authorization matrix test reads it from there).
 */
public final class Permissions {

  /** The OpenAPI extension naming an operation's permission. */
  public static final String EXTENSION = "x-civitas-permission";

  /** Only platform administrators, on any site or none. */
  public static final String PLATFORM_ADMIN = "platform.admin";

  /** Any signed-in person (for reading what the platform offers, not any site's data). */
  public static final String SIGNED_IN = "signed-in";

  private Permissions() {}
}
