package tw.gov.civitas.spi.runtime;

import java.time.Instant;

/** A published item as the public sees it, in one language. */
public interface PublishedItem {

  String siteKey();

  String slug();

  /** The short type name, e.g. {@code news}. */
  String type();

  String title();

  /** The summary field, or empty. */
  String summary();

  Instant publishedAt();

  /** The item's page on its site, an absolute URL. */
  String url();

  /** All published fields as a JSON object, as the delivery API shows them. */
  String fieldsJson();
}
