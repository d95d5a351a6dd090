package tw.gov.civitas.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The delivery API's response shapes as {@code /openapi} publishes them, for the clients app
 * developers generate. {@link Representations} writes them; OpenApiClientIT reads live responses
 * through a client generated from these, so a field renamed on one side fails there.
 */
public final class WireSchemas {

  private WireSchemas() {}

  @Schema(name = "Links", description = "Where the same thing is, as HTML and as JSON")
  public record Links(@Schema(required = true) String html, @Schema(required = true) String self) {}

  @Schema(name = "Site", description = "An agency's site")
  public record SiteSchema(
      @Schema(
              required = true,
              description = "stable key, used in every path",
              examples = "transportation")
          String key,
      @Schema(required = true, description = "the site's name by language (zh-TW, en)")
          Map<String, String> name,
      @Schema(required = true, description = "the agency's slug") String agency,
      @Schema(required = true, examples = "zh-TW") String defaultLanguage,
      @Schema(required = true) String theme,
      @Schema(required = true, description = "host names routed to this site") List<String> domains,
      @Schema(required = true) Links links) {}

  @Schema(name = "SiteList", description = "Every site on the platform")
  public record SiteList(@Schema(required = true) List<SiteSchema> items) {}

  @Schema(name = "PublishedContent", description = "A published item in one language")
  public record PublishedContent(
      @Schema(required = true) String site,
      @Schema(required = true, examples = "page") String type,
      @Schema(required = true) String slug,
      @Schema(required = true, description = "the language the fields are in") String lang,
      @Schema(required = true, description = "languages the item is written in")
          List<String> translations,
      @Schema(required = true, description = "the published revision") int revision,
      @Schema(required = true) List<String> tags,
      @Schema(required = true) Instant publishedAt,
      @Schema(required = true) Instant updatedAt,
      @Schema(
              required = true,
              description =
                  "the content type's fields, localized (title, body as sanitized HTML, …)")
          Map<String, Object> fields,
      @Schema(required = true) Links links) {}

  @Schema(
      name = "ContentPage",
      description = "A page of published items, newest first unless sorted otherwise")
  public record ContentPage(
      @Schema(required = true) List<PublishedContent> items,
      @Schema(required = true, description = "1-based") int page,
      @Schema(required = true) int size,
      @Schema(required = true) long total,
      @Schema(
              required = true,
              description = "false when total is an estimate (large full-text results)")
          boolean totalExact) {}

  @Schema(name = "MenuEntry", description = "A menu entry; links to unpublished items are left out")
  public record MenuEntry(
      @Schema(required = true) String label,
      @Schema(required = true, description = "the page's or external link's address") String href,
      @Schema(description = "the linked item's slug, when it links to one") String item,
      List<MenuEntry> children) {}

  @Schema(name = "Menu", description = "A menu or page tree, labels in one language")
  public record MenuSchema(
      @Schema(required = true) String site,
      @Schema(required = true) String menu,
      @Schema(required = true) String lang,
      @Schema(required = true) List<MenuEntry> entries) {}

  @Schema(name = "FieldError", description = "One invalid field or parameter")
  public record FieldErrorSchema(
      @Schema(required = true) String field, @Schema(required = true) String message) {}

  @Schema(
      name = "Problem",
      description =
          "RFC 9457 problem details: the shape of every API error. "
              + "A problem type may add members (e.g. currentRevision on a 409).",
      additionalProperties = Schema.True.class)
  public record Problem(
      @Schema(required = true, description = "URI naming the problem type") String type,
      @Schema(required = true) String title,
      @Schema(required = true) int status,
      String detail,
      @Schema(description = "each invalid field or parameter") List<FieldErrorSchema> errors) {}
}
