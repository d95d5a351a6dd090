package tw.gov.civitas.core.pagemodule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tw.gov.civitas.core.content.ContentView;
import tw.gov.civitas.spi.PageModuleContext;

/** The newest downloads with their files' type and size. Settings: {@code limit}, {@code tag}. */
@ApplicationScoped
public class Downloads extends CorePageModule {

  @Inject PublishedItems items;

  @Override
  public Map<String, Object> model(PageModuleContext c) {
    Map<String, Object> m = new HashMap<>();
    m.put("heading", heading(c));
    m.put(
        "downloads",
        items
            .newest(
                c.siteKey(), "download", c.setting("tag", null), c.intSetting("limit", 5, 1, 20))
            .stream()
            .map(i -> download(i, c.language()))
            .toList());
    m.put(
        "moreHref",
        "/sites/" + c.siteKey() + "/list/download" + PublishedItems.query(c.language()));
    return m;
  }

  /** A download's summary with its files. */
  Map<String, Object> download(ContentView i, String lang) {
    Map<String, Object> d = items.summary(i, lang);
    d.put("files", files(items, i, lang));
    return d;
  }

  /** The files attached to a download item, in their order. */
  public static List<Map<String, Object>> files(PublishedItems items, ContentView i, String lang) {
    List<Map<String, Object>> files = new ArrayList<>();
    if (i.fields().get("attachments") instanceof JsonArray attachments) {
      for (JsonObject a : attachments.getValuesAs(JsonObject.class)) {
        items
            .file(
                i.siteKey(),
                PublishedItems.text(a, "file", lang),
                PublishedItems.text(a, "label", lang))
            .ifPresent(files::add);
      }
    }
    return files;
  }
}
