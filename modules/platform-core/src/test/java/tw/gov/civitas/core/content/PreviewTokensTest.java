package tw.gov.civitas.core.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The preview key's configuration and what a signed grant names. */
class PreviewTokensTest {

  private static final String SECRET = "a-preview-secret-of-32-characters";

  @Test
  void aSecretShorterThan32CharactersRefusesToStartNamingTheVariable() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new PreviewTokens("too-short-secret"));
    assertTrue(e.getMessage().contains("CIVITAS_PREVIEW_SECRET"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> new PreviewTokens("x".repeat(31)));
  }

  @Test
  void anUnsetSecretMeansARandomKeyPerStart() {
    PreviewTokens.Grant grant =
        new PreviewTokens.Grant(
            "culture", 42, "expo", 1, Instant.ofEpochSecond(Instant.now().getEpochSecond() + 60));
    PreviewTokens first = new PreviewTokens(null);
    String token = first.sign(grant);
    assertEquals(grant, first.verify(token, Instant.now()).orElseThrow());
    assertTrue(
        new PreviewTokens(null).verify(token, Instant.now()).isEmpty(),
        "another start, another key");
    assertTrue(new PreviewTokens("").verify(token, Instant.now()).isEmpty());
  }

  @Test
  void aConfiguredSecretIsSharedByEveryNodeAndTheGrantNamesTheItem() {
    PreviewTokens.Grant grant =
        new PreviewTokens.Grant("culture", 42, "expo", 3, Instant.now().plusSeconds(60));
    String token = new PreviewTokens(SECRET).sign(grant);
    PreviewTokens.Grant read = new PreviewTokens(SECRET).verify(token, Instant.now()).orElseThrow();
    assertEquals(42, read.itemId());
    assertEquals("expo", read.slug());
    assertEquals(3, read.revision());
    assertTrue(
        new PreviewTokens("another-preview-secret-32-characters")
            .verify(token, Instant.now())
            .isEmpty());
  }
}
