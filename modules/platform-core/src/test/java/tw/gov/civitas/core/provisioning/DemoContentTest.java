package tw.gov.civitas.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.core.content.ContentValidator;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.media.MediaService;
import tw.gov.civitas.core.media.MediaUpload;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.module.ModuleRegistry;
import tw.gov.civitas.core.tenancy.Agency;
import tw.gov.civitas.core.tenancy.Site;

class DemoContentTest {

  private final ModuleRegistry registry = ModuleRegistry.of(List.of(new CoreModule()));
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

  @Test
  void financeAndBeitunComeFirstThenTheAgenciesListOrder() {
    List<String> known = List.of("secretariat", "finance", "xitun-district", "beitun-district");
    assertEquals(
        List.of("finance", "beitun-district", "secretariat", "xitun-district"),
        DemoContentRun.sitesToSeed(null, known));
    assertEquals(
        List.of("finance", "beitun-district", "secretariat", "xitun-district"),
        DemoContentRun.sitesToSeed("all", known));
    assertEquals(
        List.of("beitun-district", "secretariat"),
        DemoContentRun.sitesToSeed(" secretariat, beitun-district,atlantis ", known));
    assertEquals(List.of(), DemoContentRun.sitesToSeed("none", known));
  }

  @Test
  void everyDemoSiteGetsValidItemsOfEveryKindInBothLanguages() {
    for (DemoTenants.AgencyRow row : DemoTenants.readAgencies()) {
      Site site =
          new Site(
              new Agency(row.slug(), row.nameZh(), row.nameEn(), row.kind()),
              row.slug(),
              row.nameZh(),
              row.nameEn());
      JsonObject set = DemoContent.set(site);
      DemoContent.Office office = DemoContent.office(set, site);
      List<MediaUpload> uploads = new ArrayList<>();
      Map<String, Integer> perType = new HashMap<>();
      Set<String> slugs = new HashSet<>();
      int banners = 0;
      for (JsonObject raw : DemoContent.items(set, row.slug())) {
        JsonObject item = (JsonObject) DemoContent.localize(raw, "zh-TW", site, office);
        String what = row.slug() + "/" + item.getString("slug");
        assertTrue(slugs.add(item.getString("slug")), "slug used twice: " + what);
        assertFalse(item.toString().matches(".*\\{(agency|site|phone|email|address)}.*"), what);
        JsonObject fields =
            DemoContent.fields(
                item,
                site,
                office,
                TODAY,
                u -> {
                  uploads.add(u);
                  return "m" + uploads.size();
                });
        try {
          ContentValidator.validate(
              registry.contentType(item.getString("type")).orElseThrow(),
              fields,
              "zh-TW",
              new ArrayList<>());
        } catch (ContentValidationException e) {
          throw new AssertionError(what + ": " + e.errors(), e);
        }
        JsonObject title = fields.getJsonObject("title");
        assertTrue(
            !title.getString("zh-TW").isBlank() && !title.getString("en").isBlank(),
            what + " has a title in both languages");
        assertTrue(DemoContent.tags(item).contains("demo"), what);
        perType.merge(item.getString("type"), 1, Integer::sum);
        if (DemoContent.tags(item).contains("banner")) {
          banners++;
          assertTrue(fields.containsKey("image"), what + ": a banner has a picture");
        }
        if (fields.containsKey("startsAt")) {
          assertTrue(fields.getString("startsAt").compareTo("2026-12-04") > 0, what);
          assertTrue(fields.getString("startsAt").endsWith("+08:00"), what);
        }
      }
      String key = row.slug();
      assertTrue(perType.get("news") >= 8, key + " news " + perType);
      assertTrue(perType.get("announcement") >= 3, key + " " + perType);
      assertTrue(perType.get("event") >= 3, key + " " + perType);
      assertTrue(perType.get("faq") >= 6, key + " " + perType);
      assertTrue(perType.get("download") >= 2, key + " " + perType);
      assertEquals(1, perType.get("contact"), key + " " + perType);
      assertTrue(perType.get("link") >= 2, key + " " + perType);
      assertTrue(banners >= 2 && banners <= 3, key + " banners " + banners);
      for (MediaUpload u : uploads) {
        // what the upload will accept: decided by the bytes, as MediaService decides
        String type = MediaService.detect(u.bytes());
        assertTrue(
            type.equals("image/png") && u.altZh() != null && u.altEn() != null
                || type.equals(DemoFiles.ODT)
                || type.equals(DemoFiles.ODS),
            key + ": " + u.fileName() + " is " + type);
      }
    }
  }

  @Test
  void theWellKnownBureausHaveTheirOwnTopicsOnTop() {
    for (String key :
        List.of(
            "transportation",
            "health",
            "environmental-protection",
            "tourism",
            "finance",
            "civil-affairs")) {
      assertTrue(DemoContent.read("topics/" + key + ".json").isPresent(), key);
    }
  }

  @Test
  void bannersArePicturesOfTheRightSize() throws Exception {
    byte[] png = DemoFiles.banner(1200, 400, "#1b5e9b", "線上申辦", "Apply online", "財政局", "Finance");
    var image = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(1200, image.getWidth());
    assertEquals(400, image.getHeight());
    assertEquals(0x1b5e9b, image.getRGB(5, 5) & 0xffffff, "the brand colour");
  }

  @Test
  void officeLocationsAreTheDistrictsOwn() {
    Site beitun =
        new Site(
            new Agency("beitun-district", "臺中市北屯區公所", "Beitun District Office", "district"),
            "beitun-district",
            "臺中市北屯區公所",
            "Beitun District Office");
    DemoContent.Office office = DemoContent.office(DemoContent.set(beitun), beitun);
    assertEquals("臺中市北屯區公所", office.address());
    assertEquals(24.1822, office.lat());
    assertEquals("beitun-district.demo@example.org", office.email());
    JsonValue en =
        DemoContent.localize(
            jakarta.json.Json.createObjectBuilder().add("en", "the {agency}").build(),
            "zh-TW",
            beitun,
            office);
    assertEquals("the Beitun District Office", en.asJsonObject().getString("en"));
  }
}
