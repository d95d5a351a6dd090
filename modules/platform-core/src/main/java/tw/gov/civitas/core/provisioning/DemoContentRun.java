package tw.gov.civitas.core.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One run of {@link DemoContent} over the demo sites that {@value #SITES_PROPERTY} names, in a
 * stable order, each site in its own transaction (a call through {@link DemoContent}'s proxy), with
 * progress in the log.
 */
@ApplicationScoped
public class DemoContentRun {

  /** {@code all} (the default), {@code none}, or site keys separated by commas. */
  public static final String SITES_PROPERTY = "civitas.demo-content";

  /** Seeded first, so that the sites people look at first (and the ITs') are ready soonest. */
  static final List<String> FIRST = List.of("finance", "beitun-district");

  private static final Logger LOG = Logger.getLogger(DemoContentRun.class.getName());

  @Inject DemoContent content;

  /** Whether this server loads demo data at all ({@code civitas.demo-data}, default false). */
  public static boolean enabled() {
    return Boolean.parseBoolean(System.getProperty("civitas.demo-data", "false"));
  }

  /**
   * The demo sites to fill, in the order they are filled: {@link #FIRST}, then the agencies list's
   * order.
   *
   * @param setting the {@value #SITES_PROPERTY} property
   * @param known the demo sites' keys in the agencies list's order
   */
  static List<String> sitesToSeed(String setting, List<String> known) {
    String s = setting == null ? "all" : setting.strip();
    Set<String> wanted;
    if (s.isEmpty() || "all".equals(s)) {
      wanted = Set.copyOf(known);
    } else if ("none".equals(s)) {
      return List.of();
    } else {
      wanted = Set.copyOf(Arrays.stream(s.split(",")).map(String::strip).toList());
    }
    LinkedHashSet<String> ordered = new LinkedHashSet<>();
    FIRST.stream().filter(known::contains).forEach(ordered::add);
    ordered.addAll(known);
    return ordered.stream().filter(wanted::contains).toList();
  }

  /**
   * Fills every configured site, one transaction each; a site that fails is logged and tried once
   * more at the end (the others go on). Called once after start-up, off the deployment thread.
   */
  public void seedConfigured() {
    List<String> known =
        DemoTenants.readAgencies().stream().map(DemoTenants.AgencyRow::slug).toList();
    List<String> keys = sitesToSeed(System.getProperty(SITES_PROPERTY), known);
    LocalDate today = LocalDate.now(DemoContent.TAIPEI);
    long started = System.nanoTime();
    int seeded = 0;
    int items = 0;
    List<String> failed = new ArrayList<>();
    for (int pass = 0; pass < 2; pass++) {
      List<String> todo = pass == 0 ? keys : List.copyOf(failed);
      failed.clear();
      for (int i = 0; i < todo.size(); i++) {
        String key = todo.get(i);
        long t = System.nanoTime();
        try {
          int n = content.seed(key, today);
          if (n > 0) {
            seeded++;
            items += n;
            int done = i + 1;
            LOG.info(
                () ->
                    String.format(
                        "Demo content: %s, %d items in %d ms (%d/%d)",
                        key, n, (System.nanoTime() - t) / 1_000_000, done, todo.size()));
          }
        } catch (RuntimeException e) {
          failed.add(key);
          LOG.log(Level.WARNING, "Demo content for site '" + key + "' failed", e);
        }
      }
    }
    if (seeded > 0 || !failed.isEmpty()) {
      int sitesDone = seeded;
      int itemsDone = items;
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      LOG.info(
          () ->
              String.format(
                  "Demo content: %d sites, %d items in %.1f s%s",
                  sitesDone,
                  itemsDone,
                  took.toMillis() / 1000.0,
                  failed.isEmpty() ? "" : "; failed: " + failed));
    }
  }
}
