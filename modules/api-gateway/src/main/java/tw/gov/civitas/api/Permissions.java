package tw.gov.civitas.api;

import java.lang.reflect.Method;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/**
 * The permission an API operation needs is written once, as the OpenAPI extension {@value
 * #EXTENSION} on the resource method: {@link OperationGate} enforces it and {@code /openapi}
 * publishes it. Every operation declares one; an operation that declares none is closed to
 * everyone.
 */
public final class Permissions {

  /** The OpenAPI extension naming an operation's permission. */
  public static final String EXTENSION = "x-civitas-permission";

  /** Anyone, with or without a token: published content only. */
  public static final String PUBLIC = "public";

  /** Only platform administrators, on any site or none. */
  public static final String PLATFORM_ADMIN = "platform.admin";

  /** Any signed-in person (for reading what the platform offers, not any site's data). */
  public static final String SIGNED_IN = "signed-in";

  /** A signed-in citizen (plug-in services for residents). */
  public static final String CITIZEN = "citizen";

  private Permissions() {}

  /** The permission declared on the method (as its OpenAPI extension), or null. */
  public static String declared(Method method) {
    if (method == null) {
      return null;
    }
    for (Extension e : method.getAnnotationsByType(Extension.class)) {
      if (EXTENSION.equals(e.name())) {
        return e.value();
      }
    }
    // A plug-in module's operation declares it with the SPI's annotation (same values).
    tw.gov.civitas.spi.web.Permission declared =
        method.getAnnotation(tw.gov.civitas.spi.web.Permission.class);
    return declared == null ? null : declared.value();
  }
}
