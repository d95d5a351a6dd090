package tw.gov.civitas.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The data of a module's {@link PublicPageDescriptor public page}, implemented by a CDI bean of the
 * module and called while the platform renders the page for a site that enables the module.
 */
public interface PublicPageModel {

  /** One request for the page. */
  record Request(String siteKey, String language, String argument, Map<String, String> parameters) {
    public Request {
      parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
      argument = argument == null ? "" : argument;
    }

    /** A query parameter, or {@code ""}. */
    public String parameter(String name) {
      return parameters.getOrDefault(name, "");
    }
  }

  /**
   * What the page shows: its title (the page's {@code <h1>} and {@code <title>}) and the fragment's
   * variables. A status other than 200 (400 for a malformed parameter) renders the page with it.
   */
  record Page(String title, Map<String, Object> model, int status) {
    public Page {
      Objects.requireNonNull(title, "title");
      // a fragment's variable may be null (an error not there): not Map.copyOf
      model =
          model == null
              ? Map.of()
              : java.util.Collections.unmodifiableMap(new java.util.HashMap<>(model));
    }

    public Page(String title, Map<String, Object> model) {
      this(title, model, 200);
    }
  }

  /**
   * @return the page, or empty for a 404 (e.g. no such venue on this site)
   */
  Optional<Page> page(Request request);
}
