package tw.gov.civitas.core.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.error.FieldError;

/**
 * Public lists: plain filters from the database, full-text ({@code q}) through the search index.
 */
@ApplicationScoped
public class ContentLists {

  @PersistenceContext(unitName = "civitas")
  EntityManager em;

  @Inject ContentQueries queries;
  @Inject tw.gov.civitas.core.module.Platform platform;

  @Transactional
  public ContentPage find(ContentQuery q, String text) {
    String typeId = null;
    if (q.type() != null) {
      typeId =
          platform
              .registry()
              .contentType(q.type())
              .map(tw.gov.civitas.spi.ContentTypeDescriptor::id)
              .orElseThrow(
                  () ->
                      new ContentValidationException(
                          List.of(new FieldError("type", "is not a known content type"))));
    }
    if (text == null || text.isBlank()) {
      return queries.find(q, typeId);
    }
    if (text.length() > 200) {
      throw new ContentValidationException(
          List.of(new FieldError("q", "must be at most 200 characters")));
    }
    List<ContentQueries.Hidden> hidden = queries.hidden(q.sites());
    String resolvedType = typeId;
    SearchResult<ContentItem> result =
        Search.session(em)
            .search(ContentItem.class)
            .where(
                (f, root) -> {
                  root.add(f.match().field("published").matching(true));
                  root.add(
                      f.simpleQueryString()
                          .field("title")
                          .boost(3f)
                          .field("text")
                          .matching(text)
                          .defaultOperator(
                              org.hibernate.search.engine.search.common.BooleanOperator.AND));
                  if (!q.sites().isEmpty()) {
                    root.add(f.terms().field("site").matchingAny(q.sites()));
                  }
                  if (q.type() != null) {
                    root.add(f.match().field("type").matching(ContentView.shortName(resolvedType)));
                  }
                  // The index holds a type's short name: a plug-in type sharing one with another
                  // module's would be hidden
                  // with it on the sites that do not enable the plug-in.
                  for (ContentQueries.Hidden h : hidden) {
                    root.add(
                        f.not(
                            f.and(
                                f.terms().field("site").matchingAny(h.siteKeys()),
                                f.terms()
                                    .field("type")
                                    .matchingAny(
                                        h.types().stream().map(ContentView::shortName).toList()))));
                  }
                  if (q.tag() != null) {
                    root.add(f.match().field("tags").matching(q.tag()));
                  }
                  if (q.from() != null || q.to() != null) {
                    var range = f.range().field("publishedAt");
                    root.add(
                        q.from() != null && q.to() != null
                            ? range.between(q.from(), q.to())
                            : q.from() != null ? range.atLeast(q.from()) : range.lessThan(q.to()));
                  }
                })
            .sort(
                f ->
                    switch (q.sort() == null ? "" : q.sort()) {
                      case "publishedAt" -> f.field("publishedAt").asc();
                      case "-publishedAt" -> f.field("publishedAt").desc();
                      default ->
                          f.score(); // relevance first when searching, unless a sort is asked for
                    })
            .totalHitCountThreshold(ContentQueries.COUNT_LIMIT)
            .fetch((q.page() - 1) * q.size(), q.size());
    List<ContentView> items = result.hits().stream().map(ContentView::published).toList();
    return new ContentPage(
        items, result.total().hitCount(), result.total().isHitCountExact(), q.page(), q.size());
  }

  public Set<String> publishedSlugs(String siteKey) {
    return queries.publishedSlugs(siteKey);
  }
}
