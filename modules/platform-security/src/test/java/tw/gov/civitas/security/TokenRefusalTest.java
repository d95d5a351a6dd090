package tw.gov.civitas.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenRefusalTest {

  static final String ISSUER = "http://localhost:8180/realms/civitas";
  static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

  static String bearer(String claimsJson) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return "Bearer "
        + b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8))
        + ".c2ln";
  }

  static String explain(String header) {
    return TokenRefusal.explain(header, ISSUER, "civitas-api", NOW);
  }

  @Test
  void expired() {
    long past = NOW.getEpochSecond() - 60;
    assertTrue(
        explain(bearer("{\"exp\":" + past + ",\"iss\":\"" + ISSUER + "\",\"aud\":\"civitas-api\"}"))
            .contains("expired"));
  }

  @Test
  void wrongIssuerNamesBoth() {
    String got =
        explain(
            bearer(
                "{\"exp\":"
                    + (NOW.getEpochSecond() + 60)
                    + ",\"iss\":\"http://127.0.0.1:8180/realms/civitas\",\"aud\":\"civitas-api\"}"));
    assertTrue(
        got.contains("'http://127.0.0.1:8180/realms/civitas'") && got.contains("'" + ISSUER + "'"),
        got);
  }

  @Test
  void wrongAudience() {
    String single =
        explain(
            bearer(
                "{\"exp\":"
                    + (NOW.getEpochSecond() + 60)
                    + ",\"iss\":\""
                    + ISSUER
                    + "\",\"aud\":\"account\"}"));
    String none =
        explain(bearer("{\"exp\":" + (NOW.getEpochSecond() + 60) + ",\"iss\":\"" + ISSUER + "\"}"));
    String array =
        explain(
            bearer(
                "{\"exp\":"
                    + (NOW.getEpochSecond() + 60)
                    + ",\"iss\":\""
                    + ISSUER
                    + "\",\"aud\":[\"account\",\"civitas-editor\"]}"));
    for (String s : new String[] {single, none, array}) {
      assertTrue(s.contains("audience"), s);
    }
  }

  @Test
  void rightClaimsMeanTheSignatureFailed() {
    String got =
        explain(
            bearer(
                "{\"exp\":"
                    + (NOW.getEpochSecond() + 60)
                    + ",\"iss\":\""
                    + ISSUER
                    + "\",\"aud\":[\"account\",\"civitas-api\"]}"));
    assertTrue(got.contains("signature"), got);
  }

  @Test
  void garbage() {
    assertTrue(explain("Bearer not-a-token").contains("not a JWT"));
    assertTrue(explain("Bearer a.%%%.c").contains("not a JWT"));
    assertTrue(explain("Basic dXNlcjpwdw==").contains("bearer token"));
    assertTrue(explain(null).contains("bearer token"));
  }
}
