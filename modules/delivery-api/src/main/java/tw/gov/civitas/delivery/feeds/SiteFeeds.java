package tw.gov.civitas.delivery.feeds;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import tw.gov.civitas.api.Localization;
import tw.gov.civitas.core.content.ContentLists;
import tw.gov.civitas.core.content.ContentQuery;
import tw.gov.civitas.core.content.ContentView;
import tw.gov.civitas.core.tenancy.Site;

/**
 * A site's sitemap (with hreflang alternates) and its RSS 2.0 / Atom 1.0 feeds of news and
 * announcements.
 */
@ApplicationScoped
public class SiteFeeds {

  private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
  private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
  private static final int SITEMAP_LIMIT = 50_000;
  private static final int FEED_SIZE = 50;

  /** The types a site's feeds carry. */
  public static final List<String> FEED_TYPES = List.of("news", "announcement");

  @Inject ContentLists lists;

  public String sitemap(Site site, String origin) {
    List<ContentView> items =
        lists
            .find(
                new ContentQuery(
                    List.of(site.getKey()), null, null, null, null, "-updatedAt", 1, SITEMAP_LIMIT),
                null)
            .items();
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("urlset");
      x.writeDefaultNamespace(SITEMAP_NS);
      x.writeNamespace("xhtml", XHTML_NS);
      for (ContentView item : items) {
        String base = origin + "/sites/" + site.getKey() + "/" + item.slug();
        for (String lang : Localization.translations(item.fields())) {
          x.writeStartElement("url");
          element(x, "loc", "en".equals(lang) ? base + "?lang=en" : base);
          element(x, "lastmod", item.updatedAt().toString());
          for (String alt : Localization.translations(item.fields())) {
            x.writeEmptyElement("xhtml", "link", XHTML_NS);
            x.writeAttribute("rel", "alternate");
            x.writeAttribute("hreflang", "en".equals(alt) ? "en" : "zh-Hant-TW");
            x.writeAttribute("href", "en".equals(alt) ? base + "?lang=en" : base);
          }
          x.writeEndElement();
        }
      }
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  /**
   * @param format {@code rss_2.0} or {@code atom_1.0}
   */
  public String feed(Site site, String origin, String format, String lang) {
    List<ContentView> items = new ArrayList<>();
    for (String type : FEED_TYPES) {
      items.addAll(
          lists
              .find(
                  new ContentQuery(
                      List.of(site.getKey()), type, null, null, null, "-publishedAt", 1, FEED_SIZE),
                  null)
              .items());
    }
    items.sort((a, b) -> b.publishedAt().compareTo(a.publishedAt()));
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType(format);
    feed.setTitle(site.name(lang));
    feed.setLink(origin + "/sites/" + site.getKey() + "/");
    feed.setDescription(
        "en".equals(lang)
            ? "News and announcements of " + site.name(lang)
            : site.name(lang) + " 最新消息與公告");
    feed.setLanguage("en".equals(lang) ? "en" : "zh-TW");
    feed.setUri(origin + "/sites/" + site.getKey() + "/feed");
    // RFC 4287 requires the feed's <updated> and an <author> also when there is no entry: the
    // newest entry's change,
    // else the site's creation; the agency is the author of what its site publishes.
    feed.setPublishedDate(
        Date.from(
            items.stream()
                .map(ContentView::updatedAt)
                .max(java.util.Comparator.naturalOrder())
                .filter(newest -> newest.isAfter(site.getCreatedAt()))
                .orElse(site.getCreatedAt())));
    com.rometools.rome.feed.synd.SyndPerson agency =
        new com.rometools.rome.feed.synd.SyndPersonImpl();
    agency.setName(site.name(lang));
    agency.setUri(origin + "/sites/" + site.getKey() + "/");
    feed.setAuthors(List.of(agency));
    List<SyndEntry> entries = new ArrayList<>();
    for (ContentView item : items.subList(0, Math.min(FEED_SIZE, items.size()))) {
      JsonObject fields = Localization.localize(item.fields(), lang, site.getDefaultLanguage());
      SyndEntry e = new SyndEntryImpl();
      e.setTitle(text(fields, "title"));
      String link =
          origin
              + "/sites/"
              + site.getKey()
              + "/"
              + item.slug()
              + ("en".equals(lang) ? "?lang=en" : "");
      e.setLink(link);
      e.setUri(link);
      e.setPublishedDate(Date.from(item.publishedAt()));
      e.setUpdatedDate(Date.from(item.updatedAt()));
      SyndContent description = new SyndContentImpl();
      String summary = text(fields, "summary");
      description.setType(summary != null ? "text/plain" : "text/html");
      description.setValue(summary != null ? summary : text(fields, "body"));
      e.setDescription(description);
      entries.add(e);
    }
    feed.setEntries(entries);
    try {
      return new SyndFeedOutput().outputString(feed);
    } catch (FeedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(JsonObject fields, String name) {
    return fields.get(name) instanceof JsonString s ? s.getString() : null;
  }

  private static void element(XMLStreamWriter x, String name, String text)
      throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(text);
    x.writeEndElement();
  }
}
