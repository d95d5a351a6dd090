package tw.gov.civitas.spi.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a module's REST operation needs, on the resource method. The platform's gate
 * enforces it on what the router matched (the method, and the site from the {@code {site}} path
 * parameter) before the method runs, and {@code /openapi} publishes it as {@code
 * x-civitas-permission}. A module's operation without this annotation is closed to everyone, and
 * the deployment fails naming it.
 *
 * <p>The value is a permission id the module registered (granted to site roles and platform roles),
 * or one of {@link #PUBLIC}, {@link #SIGNED_IN}, {@link #CITIZEN}, {@link #PLATFORM_ADMIN}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Permission {

  /** Anyone, with or without a token (published information only). */
  String PUBLIC = "public";

  /** Any signed-in person. */
  String SIGNED_IN = "signed-in";

  /** A signed-in citizen. */
  String CITIZEN = "citizen";

  /** Platform administrators only. */
  String PLATFORM_ADMIN = "platform.admin";

  String value();
}
