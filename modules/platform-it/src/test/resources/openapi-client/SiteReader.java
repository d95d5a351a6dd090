package tw.gov.civitas.appclient;

import com.fasterxml.jackson.databind.DeserializationFeature;
import java.util.ArrayList;
import java.util.List;
import tw.gov.civitas.client.ApiClient;
import tw.gov.civitas.client.api.DeliveryApi;
import tw.gov.civitas.client.model.ContentPage;
import tw.gov.civitas.client.model.PublishedContent;
import tw.gov.civitas.client.model.Site;

/**
 * What an app developer writes against the client generated from /openapi (OpenApiClientIT compiles
 * it with the generated sources): a site, its news, one item in English.
 */
public final class SiteReader {

  private SiteReader() {}

  /** One line per fact read, for the test to compare with what it published. */
  public static List<String> read(String baseUri, String site, String type, String slug) throws Exception {
    ApiClient client = new ApiClient();
    client.updateBaseUri(baseUri);
    // a property on the wire that the document does not describe fails here
    client.setObjectMapper(client.getObjectMapper().copy()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true));
    DeliveryApi delivery = new DeliveryApi(client);
    List<String> facts = new ArrayList<>();

    Site found = delivery.getSite(site);
    facts.add("site " + found.getKey() + " " + found.getName().get("zh-TW") + " / " + found.getName().get("en"));

    ContentPage page = delivery.listSiteContent(DeliveryApi.APIListSiteContentRequest.newBuilder()
        .site(site).type(type).sort("publishedAt").size("100").build());
    for (PublishedContent item : page.getItems()) {
      facts.add("listed " + item.getSlug() + " " + item.getFields().get("title") + " (" + item.getLang() + ")");
    }

    PublishedContent one = delivery.getSiteContent(DeliveryApi.APIGetSiteContentRequest.newBuilder()
        .site(site).slug(slug).lang("en").build());
    facts.add("item " + one.getSlug() + " " + one.getFields().get("title") + " (" + one.getLang() + ") revision "
        + one.getRevision() + " " + one.getLinks().getSelf());
    return facts;
  }
}
