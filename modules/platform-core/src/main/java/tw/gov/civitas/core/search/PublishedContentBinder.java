package tw.gov.civitas.core.search;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;
import tw.gov.civitas.core.content.ContentItem;

/**
 * Indexes what citizens can see of an item: its published fields (all languages), site, type, tags
 * and publication time. Unpublished items are indexed as {@code published=false} and filtered out
 * of every public search.
 */
public class PublishedContentBinder implements TypeBinder {

  @Override
  public void bind(TypeBindingContext context) {
    context
        .dependencies()
        .use("publishedFields")
        .use("tags")
        .use("publishedAt")
        .use("typeId")
        .use("site");
    var f = context.indexSchemaElement().field("site", t -> t.asString()).toReference();
    var type = context.indexSchemaElement().field("type", t -> t.asString()).toReference();
    var tags =
        context.indexSchemaElement().field("tags", t -> t.asString()).multiValued().toReference();
    var published =
        context.indexSchemaElement().field("published", t -> t.asBoolean()).toReference();
    var at =
        context
            .indexSchemaElement()
            .field("publishedAt", t -> t.asInstant().sortable(Sortable.YES))
            .toReference();
    var title =
        context
            .indexSchemaElement()
            .field("title", t -> t.asString().analyzer(CivitasAnalysisConfigurer.TEXT))
            .multiValued()
            .toReference();
    var text =
        context
            .indexSchemaElement()
            .field("text", t -> t.asString().analyzer(CivitasAnalysisConfigurer.TEXT))
            .multiValued()
            .toReference();
    context.bridge(ContentItem.class, new Bridge(f, type, tags, published, at, title, text));
  }

  private record Bridge(
      IndexFieldReference<String> site,
      IndexFieldReference<String> type,
      IndexFieldReference<String> tags,
      IndexFieldReference<Boolean> published,
      IndexFieldReference<Instant> at,
      IndexFieldReference<String> title,
      IndexFieldReference<String> text)
      implements TypeBridge<ContentItem> {

    @Override
    public void write(DocumentElement target, ContentItem item, TypeBridgeWriteContext context) {
      target.addValue(site, item.getSite().getKey());
      String typeId = item.getTypeId();
      target.addValue(type, typeId.substring(typeId.indexOf("::") + 2));
      item.getTags().forEach(t -> target.addValue(tags, t));
      boolean isPublic = item.getPublishedFields() != null;
      target.addValue(published, isPublic);
      target.addValue(at, item.getPublishedAt());
      if (!isPublic) {
        return;
      }
      JsonObject fields;
      try (JsonReader r = Json.createReader(new StringReader(item.getPublishedFields()))) {
        fields = r.readObject();
      }
      for (var e : fields.entrySet()) {
        IndexFieldReference<String> ref = "title".equals(e.getKey()) ? title : text;
        for (String value : strings(e.getValue())) {
          target.addValue(ref, value.replaceAll("<[^>]*>", " "));
        }
      }
    }

    private static java.util.List<String> strings(JsonValue v) {
      if (v instanceof JsonString s) {
        return java.util.List.of(s.getString());
      }
      if (v.getValueType() == JsonValue.ValueType.OBJECT) {
        return v.asJsonObject().values().stream()
            .filter(JsonString.class::isInstance)
            .map(x -> ((JsonString) x).getString())
            .toList();
      }
      return java.util.List.of();
    }
  }
}
