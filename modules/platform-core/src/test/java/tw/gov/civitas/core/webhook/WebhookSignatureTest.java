package tw.gov.civitas.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Signatures a Standard Webhooks library accepts, and what a receiver refuses. */
class WebhookSignatureTest {

  // The test vector published with the Standard Webhooks reference libraries.
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long TIMESTAMP = 1614265330;
  private static final String BODY = "{\"test\": 2432232314}";
  private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  @Test
  void reproducesThePublishedTestVector() {
    assertEquals(EXPECTED, WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY));
  }

  @Test
  void isHmacSha256OfIdDotTimestampDotBodyUnderTheDecodedKey() throws Exception {
    // computed here with the JDK alone, from the scheme's definition
    String secret = WebhookSignature.newSecret(new SecureRandom());
    assertTrue(secret.startsWith("whsec_"));
    byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    assertEquals(32, key.length);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    String body = "{\"event\":\"content.published\",\"title\":\"藝文活動\"}";
    String expected =
        "v1,"
            + Base64.getEncoder()
                .encodeToString(
                    mac.doFinal(("3f2b.1700000000." + body).getBytes(StandardCharsets.UTF_8)));
    assertEquals(expected, WebhookSignature.sign(secret, "3f2b", 1700000000, body));
  }

  @Test
  void aReceiverAcceptsAFreshSignatureAndRefusesReplaysAndTampering() {
    Instant now = Instant.ofEpochSecond(TIMESTAMP + 60);
    String ts = String.valueOf(TIMESTAMP);
    assertTrue(WebhookSignature.verify(SECRET, ID, ts, EXPECTED, BODY, now));
    assertTrue(
        WebhookSignature.verify(SECRET, ID, ts, "v1,bm9wZQ== " + EXPECTED, BODY, now),
        "any listed signature");
    // the same capture six minutes later is too old
    assertFalse(
        WebhookSignature.verify(
            SECRET, ID, ts, EXPECTED, BODY, Instant.ofEpochSecond(TIMESTAMP + 360)));
    // a fresher timestamp, another id or another body break the signature
    assertFalse(
        WebhookSignature.verify(SECRET, ID, String.valueOf(TIMESTAMP + 30), EXPECTED, BODY, now));
    assertFalse(WebhookSignature.verify(SECRET, "msg_other", ts, EXPECTED, BODY, now));
    assertFalse(WebhookSignature.verify(SECRET, ID, ts, EXPECTED, "{\"test\": 2432232315}", now));
    assertFalse(
        WebhookSignature.verify(
            "whsec_" + Base64.getEncoder().encodeToString(new byte[24]),
            ID,
            ts,
            EXPECTED,
            BODY,
            now));
    assertFalse(WebhookSignature.verify(SECRET, ID, ts, "v2," + EXPECTED.substring(3), BODY, now));
  }
}
