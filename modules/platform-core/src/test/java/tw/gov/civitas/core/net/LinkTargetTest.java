package tw.gov.civitas.core.net;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Link targets an editor may store, and the spellings that would run script or leave the attribute.
 */
class LinkTargetTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://www.taichung.gov.tw/",
        "HTTPS://www.taichung.gov.tw/市政?q=%E5&a=1#top",
        "http://example.org",
        "https://example.org:8443/x",
        "mailto:service@taichung.gov.tw",
        "tel:+886-4-2228-9111",
        "/sites/xitun/",
        "opendata/list.csv",
        "?page=2",
        "#top",
        "/search?q=1&lang=en;x",
        "a/b:c",
        "https://example.org/it's"
      })
  void takesWebMailPhoneAndSiteLinks(String url) {
    assertTrue(LinkTarget.isAllowed(url), url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "  javascript:alert(1)",
        " https://x.example/",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "\u0001javascript:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6A;avascript:alert(1)",
        "javascript&colon;alert(1)",
        "/x?a=1&#38;b",
        "%6Aavascript:alert(1)",
        "data:text/html,<b>x</b>",
        "DATA:image/png;base64,AAAA",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "ftp://example.org/",
        "https://",
        "https:example.org",
        "http:/x",
        "https://trusted.example@evil.example/",
        "//evil.example/x",
        "\\\\evil.example\\x",
        "/\\evil.example",
        "https://x.example/\" onmouseover=\"alert(1)",
        "https://x.example/'><script>x</script>",
        "https://x.example/ x",
        "https://x.example/\u00a0x",
        "https://x.example/\u2028x",
        "https://x.example/`x",
        "mailto:",
        "mailto:nobody",
        "tel:",
        "tel:call-me",
        ""
      })
  void refusesSchemesThatRunAndTextThatLeavesTheAttribute(String url) {
    assertFalse(LinkTarget.isAllowed(url), url);
  }

  @Test
  void refusesOverlongLinks() {
    String base = "https://x.example/";
    assertTrue(LinkTarget.isAllowed(base + "a".repeat(LinkTarget.MAX_LENGTH - base.length())));
    assertFalse(LinkTarget.isAllowed(base + "a".repeat(LinkTarget.MAX_LENGTH - base.length() + 1)));
    assertFalse(LinkTarget.isAllowed(null));
  }
}
