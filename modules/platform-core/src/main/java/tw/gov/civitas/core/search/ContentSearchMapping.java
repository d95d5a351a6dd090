package tw.gov.civitas.core.search;

import org.hibernate.search.mapper.orm.mapping.HibernateOrmMappingConfigurationContext;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.TypeMappingStep;
import tw.gov.civitas.core.content.ContentItem;

/**
 * Maps content items to the {@code content} index here rather than by annotations on the entity:
 * the search package knows the content model, the content model knows nothing of search. Registered
 * in persistence.xml ({@code hibernate.search.mapping.configurer}).
 */
public class ContentSearchMapping implements HibernateOrmSearchMappingConfigurer {

  @Override
  public void configure(HibernateOrmMappingConfigurationContext context) {
    TypeMappingStep item = context.programmaticMapping().type(ContentItem.class);
    item.indexed().index("content");
    item.binder(new PublishedContentBinder());
  }
}
