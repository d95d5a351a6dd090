package tw.gov.civitas.web.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.core.content.ContentChanged;

class CacheKeysAndTagsTest {

  @Test
  void httpAndHttpsOfOneHostAreKeptApart() {
    String http = CachingFilter.key("http", "www.example.gov.tw", "/sites/a/sitemap.xml", null);
    String https = CachingFilter.key("https", "www.example.gov.tw", "/sites/a/sitemap.xml", null);
    assertNotEquals(http, https);
    assertEquals(
        "https://www.example.gov.tw/sites/a/feed.rss?lang=en",
        CachingFilter.key("https", "www.example.gov.tw", "/sites/a/feed.rss", "lang=en"));
  }

  @Test
  void aChangeInvalidatesTheTagListsTheItemLeftAndJoined() {
    ContentChanged retagged =
        new ContentChanged("a", "market", "news", "updated", false, true, Set.of("old", "new"));
    assertEquals(
        Set.of("item:a/market", "list:a", "list:a/type:news", "list:a/tag:old", "list:a/tag:new"),
        Set.copyOf(CacheTags.changedBy(retagged)));
  }

  @Test
  void aListIsTaggedByItsNarrowestFilterAndATypeByItsShortName() {
    assertEquals("list:a/tag:市場", CacheTags.list("a", "news", "市場"));
    assertEquals("list:a/type:news", CacheTags.list("a", "core::news", null));
    assertEquals(CacheTags.listsOfType("a", "news"), CacheTags.listsOfType("a", "core::news"));
    assertEquals("list:a", CacheTags.list("a", null, null));
  }

  @Test
  void ifNoneMatchNamesTheTagOrAny() {
    assertTrue(CachingFilter.notModified("\"x\", \"abc\"", "\"abc\""));
    assertTrue(CachingFilter.notModified("*", "\"abc\""));
    assertFalse(CachingFilter.notModified(null, "\"abc\""));
    assertFalse(CachingFilter.notModified("\"abd\"", "\"abc\""));
  }

  @Test
  void browsersRevalidateAndSharedCachesKeepWhatTheyAreAllowed() {
    assertEquals("public, max-age=0, must-revalidate", PublicCaching.cacheControl(null));
    assertEquals("public, max-age=0, must-revalidate", PublicCaching.cacheControl("0"));
    assertEquals(
        "public, max-age=0, s-maxage=30, must-revalidate", PublicCaching.cacheControl(" 30 "));
    for (String bad : List.of("-1", "soon", "1.5")) {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> PublicCaching.cacheControl(bad));
      assertTrue(e.getMessage().contains("CIVITAS_CACHE_SHARED_MAX_AGE"), e.getMessage());
    }
  }
}
