package tw.gov.civitas.core.content;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * The allow-list for rich text: structure, links, tables and images an agency page needs, nothing
 * that runs. Applied on input, so stored and delivered HTML is already safe.
 */
public final class RichTextSanitizer {

  private static final PolicyFactory POLICY =
      Sanitizers.FORMATTING
          .and(Sanitizers.BLOCKS)
          .and(Sanitizers.LINKS)
          .and(Sanitizers.TABLES)
          .and(Sanitizers.IMAGES)
          .and(
              new HtmlPolicyBuilder()
                  .allowElements(
                      "figure", "figcaption", "abbr", "dl", "dt", "dd", "hr", "pre", "code")
                  .allowAttributes("lang")
                  .globally()
                  .allowAttributes("title")
                  .onElements("abbr", "a")
                  .toFactory());

  private RichTextSanitizer() {}

  public static String sanitize(String html) {
    return POLICY.sanitize(html);
  }
}
