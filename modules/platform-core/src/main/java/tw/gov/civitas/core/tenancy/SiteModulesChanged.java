package tw.gov.civitas.core.tenancy;

import java.util.Set;

/**
 * Fired in the transaction that creates a site or changes which plug-in modules it enables.
 *
 * @param created whether the site was just created (then {@code enabled} is its template's modules)
 */
public record SiteModulesChanged(
    String siteKey, boolean created, Set<String> enabled, Set<String> disabled) {
  public SiteModulesChanged {
    enabled = Set.copyOf(enabled);
    disabled = Set.copyOf(disabled);
  }
}
