package tw.gov.civitas.spi;

import java.util.Map;

/**
 * A signed-in citizen opening a module's form: the site, the language and the query parameters the
 * form was linked with (e.g. {@code ?venue=3&date=2026-12-10} from a venue's calendar). Parameters
 * are the citizen's input: a handler checks them as it checks a submission.
 */
public record CitizenFormRequest(String siteKey, String language, Map<String, String> parameters) {

  public CitizenFormRequest {
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
  }

  /** A parameter, or {@code ""}. */
  public String parameter(String name) {
    return parameters.getOrDefault(name, "");
  }
}
