package tw.gov.civitas.spi;

import java.util.List;

/** What a module sees of the platform once it is running. */
public interface ModuleContext {

  /** Keys of every site on the platform, in key order. */
  List<String> siteKeys();

  /** The registered content type with that id, if any. */
  java.util.Optional<ContentTypeDescriptor> contentType(String id);
}
