package tw.gov.civitas.core.tenancy;

import java.util.List;

/** The settings a site administrator may change. Null members are left unchanged. */
public record SiteSettings(String nameZh, String nameEn, String defaultLanguage, String theme,
    Boolean requireDistinctReviewer, List<String> enabledModules, List<String> domains) {}
