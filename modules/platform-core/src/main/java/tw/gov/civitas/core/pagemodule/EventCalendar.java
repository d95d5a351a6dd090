package tw.gov.civitas.core.pagemodule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tw.gov.civitas.core.content.ContentView;
import tw.gov.civitas.spi.PageModuleContext;

/**
 * Coming events by their start, soonest first (events that ended are left out), with date, time and
 * place. Settings: {@code limit}, {@code heading.*}.
 */
@ApplicationScoped
public class EventCalendar extends CorePageModule {

  @Inject PublishedItems items;
  @Inject tw.gov.civitas.spi.runtime.PlatformClock clock;

  @Override
  public Map<String, Object> model(PageModuleContext c) {
    Instant now = clock.now();
    List<Map<String, Object>> coming = new ArrayList<>();
    // a site's recent events hold its coming ones: they are announced before they start
    List<ContentView> recent = items.newest(c.siteKey(), "event", null, 100);
    record Dated(ContentView item, Instant starts, Instant ends) {}
    List<Dated> dated = new ArrayList<>();
    for (ContentView e : recent) {
      Instant starts = instant(PublishedItems.text(e.fields(), "startsAt", c.language()));
      Instant ends = instant(PublishedItems.text(e.fields(), "endsAt", c.language()));
      if (starts == null) {
        continue;
      }
      Instant over = ends != null ? ends : starts.plus(1, ChronoUnit.DAYS);
      if (over.isAfter(now)) {
        dated.add(new Dated(e, starts, ends));
      }
    }
    dated.sort(Comparator.comparing(Dated::starts));
    for (Dated d : dated.subList(0, Math.min(dated.size(), c.intSetting("limit", 5, 1, 20)))) {
      Map<String, Object> m = items.summary(d.item(), c.language());
      PublishedItems.putDate(m, "starts", d.starts());
      if (d.ends() != null) {
        PublishedItems.putDate(m, "ends", d.ends());
      }
      m.put("place", PublishedItems.text(d.item().fields(), "place", c.language()));
      coming.add(m);
    }
    Map<String, Object> m = new HashMap<>();
    m.put("heading", heading(c));
    m.put("items", coming);
    m.put("moreHref", "/sites/" + c.siteKey() + "/list/event" + PublishedItems.query(c.language()));
    return m;
  }

  static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }
}
