package tw.gov.civitas.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.ExternalDocumentation;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The JSON API: public delivery under {@code /api/v1}, management under {@code /api/v1/manage}. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Civitas API",
            version = "1",
            description =
                "Public, read-only delivery of every agency site's published content, and the token-protected "
                    + "management API. Errors are RFC 9457 problem details (application/problem+json).",
            // the licence the published content already carries in the open-data catalogue
            // (OpenDataResource)
            license =
                @License(
                    name = "政府資料開放授權條款-第1版 (Open Government Data License, version 1.0)",
                    url = "https://data.gov.tw/license")),
    externalDocs =
        @ExternalDocumentation(
            description = "RFC 9457, the shape of every error this API answers",
            url = "https://www.rfc-editor.org/rfc/rfc9457"),
    tags = {
      @Tag(name = "delivery", description = "Published content, no authentication"),
      @Tag(
          name = "management",
          description = "Writes; a bearer token from the city's Keycloak realm")
    },
    // every 4xx refers to it (OpenApiDocument)
    components =
        @Components(
            schemas = @Schema(name = "Problem", implementation = WireSchemas.Problem.class)))
@SecurityScheme(
    securitySchemeName = "keycloak",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class CivitasApi extends Application {}
