package tw.gov.civitas.spi.runtime;

/**
 * The platform's one decision whether the current user holds a permission on a site: through the
 * site roles and platform roles the permission was granted to when its module registered it.
 * Operations are already gated by their declared permission; services call this again, as the
 * platform's own services do, because a service may be reached by other paths (a job, another
 * bean).
 */
public interface Authorization {

  boolean holds(String siteKey, String permission);

  /**
   * @throws tw.gov.civitas.spi.runtime.AccessDeniedException when the current user does not hold it
   *     (the platform answers 401 to nobody and 403 to a signed-in user, as problem+json)
   */
  void require(String siteKey, String permission);
}
