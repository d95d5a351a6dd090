package tw.gov.civitas.runtime.services;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import tw.gov.civitas.core.security.SiteAuthorization;
import tw.gov.civitas.spi.runtime.AccessDeniedException;
import tw.gov.civitas.spi.runtime.Authorization;

/**
 * The SPI's authorization: the core's one decision ({@link SiteAuthorization}) for the current
 * user.
 */
@Dependent
public class RuntimeAuthorization implements Authorization {

  @Inject RuntimeCurrentUser user;
  @Inject SiteAuthorization authorization;

  @Override
  public boolean holds(String siteKey, String permission) {
    return user.caller().map(c -> authorization.holds(c, siteKey, permission)).orElse(false);
  }

  @Override
  public void require(String siteKey, String permission) {
    if (user.caller().isEmpty()) {
      throw new AccessDeniedException("Sign in to do this");
    }
    if (!holds(siteKey, permission)) {
      throw new AccessDeniedException(
          "You do not hold '"
              + permission
              + "'"
              + (siteKey == null ? "" : " on site '" + siteKey + "'"));
    }
  }
}
