package tw.gov.civitas.delivery.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The JSON API: public delivery under {@code /api/v1}, management under {@code /api/v1/manage}. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info = @Info(title = "Civitas API", version = "1",
        description = "Public, read-only delivery of every agency site's published content, and the token-protected "
            + "management API. Errors are RFC 9457 problem details (application/problem+json)."),
    tags = {@Tag(name = "delivery", description = "Published content, no authentication"),
        @Tag(name = "management", description = "Writes; a bearer token from the city's Keycloak realm")})
@SecurityScheme(securitySchemeName = "keycloak", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class CivitasApi extends Application {}
