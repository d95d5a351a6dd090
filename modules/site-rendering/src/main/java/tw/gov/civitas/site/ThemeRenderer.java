package tw.gov.civitas.site;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.Loader;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders pages with a site's theme. A theme lives in {@code themes/<name>/} on the class path (the
 * civitas-themes jar); templates missing from a theme are taken from its {@code parent}. Pebble
 * escapes every value unless a template says {@code | raw} (used only for sanitized rich text).
 */
@ApplicationScoped
public class ThemeRenderer {

  private final Map<String, PebbleEngine> engines = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> messages = new ConcurrentHashMap<>();
  private final Map<String, List<String>> stylesheets = new ConcurrentHashMap<>();

  public String render(String theme, String template, Map<String, Object> model, String lang) {
    Map<String, Object> context = new HashMap<>(model);
    context.put("t", messages(theme, lang));
    context.put("theme", theme);
    context.put("stylesheets", stylesheets(theme));
    StringWriter out = new StringWriter();
    try {
      engine(theme).getTemplate(template).evaluate(out, context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The theme and its ancestors, nearest first. */
  static List<String> chain(String theme) {
    List<String> chain = new ArrayList<>();
    String current = theme;
    while (current != null && !chain.contains(current)) {
      Properties p = properties(current);
      if (p == null) {
        break;
      }
      chain.add(current);
      current = p.getProperty("parent");
    }
    if (chain.isEmpty()) {
      chain.add("civic");
    }
    return chain;
  }

  /**
   * The theme chain's own stylesheets (each theme's {@code stylesheet=}, a file of its assets),
   * base first, so that a child theme's rules come after the ones they override.
   */
  public List<String> stylesheets(String theme) {
    return stylesheets.computeIfAbsent(
        theme,
        t -> {
          List<String> chain = chain(t);
          List<String> sheets = new ArrayList<>();
          for (int i = chain.size() - 1; i >= 0; i--) {
            Properties p = properties(chain.get(i));
            String sheet = p == null ? null : p.getProperty("stylesheet");
            if (sheet != null && !sheet.isBlank()) {
              sheets.add(sheet.strip()); // linked through asset(), fingerprinted
            }
          }
          return List.copyOf(sheets);
        });
  }

  private PebbleEngine engine(String theme) {
    return engines.computeIfAbsent(
        theme,
        t -> {
          List<Loader<?>> loaders = new ArrayList<>();
          for (String name : chain(t)) {
            ClasspathLoader loader = new ClasspathLoader(ThemeRenderer.class.getClassLoader());
            loader.setPrefix("themes/" + name + "/templates");
            loader.setSuffix(".peb");
            loaders.add(loader);
          }
          // Last, plug-in modules' page modules (page-modules/<module>/<name>.peb in their jars),
          // which a
          // theme overrides with templates/page-modules/<module>/<name>.peb.
          ClasspathLoader modules = new ClasspathLoader(ThemeRenderer.class.getClassLoader());
          modules.setSuffix(".peb");
          loaders.add(modules);
          return new PebbleEngine.Builder()
              .loader(new DelegatingLoader(loaders))
              .extension(ThemeAssets.pebbleExtension(t)) // asset('civic.css'): see ThemeAssets
              .autoEscaping(true)
              .strictVariables(false)
              .build();
        });
  }

  /** The theme's texts in one language (its own, over its ancestors'). */
  public Map<String, String> messages(String theme, String lang) {
    return messages.computeIfAbsent(
        theme + "|" + lang,
        k -> {
          Map<String, String> merged = new HashMap<>();
          List<String> chain = chain(theme);
          for (int i = chain.size() - 1; i >= 0; i--) {
            Properties p =
                load("themes/" + chain.get(i) + "/templates/messages_" + lang + ".properties");
            if (p != null) {
              p.forEach((key, value) -> merged.put((String) key, (String) value));
            }
          }
          return Map.copyOf(merged);
        });
  }

  private static Properties properties(String theme) {
    return load("themes/" + theme + "/theme.properties");
  }

  private static Properties load(String path) {
    try (InputStream in = ThemeRenderer.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        return null;
      }
      Properties p = new Properties();
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
