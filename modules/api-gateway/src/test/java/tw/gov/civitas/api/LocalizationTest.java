package tw.gov.civitas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class LocalizationTest {

  @Test
  void picksOneLanguageInsideGroupEntriesToo() {
    JsonObject stored =
        Json.createObjectBuilder()
            .add("title", Json.createObjectBuilder().add("zh-TW", "下載專區").add("en", "Downloads"))
            .add(
                "attachments",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("file", "m1")
                            .add("label", Json.createObjectBuilder().add("zh-TW", "年報")))
                    .add(Json.createObjectBuilder().add("file", "m2")))
            .add("location", Json.createObjectBuilder().add("lat", 24.1).add("lon", 120.6))
            .build();
    JsonObject en = Localization.localize(stored, "en", "zh-TW");
    assertEquals("Downloads", en.getString("title"));
    assertEquals("年報", en.getJsonArray("attachments").getJsonObject(0).getString("label"));
    assertEquals("m2", en.getJsonArray("attachments").getJsonObject(1).getString("file"));
    assertEquals(24.1, en.getJsonObject("location").getJsonNumber("lat").doubleValue());
  }
}
