package tw.gov.civitas.security;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Says why WildFly's OIDC client refused a bearer token, so that a developer sees "expired" or
 * "wrong audience" instead of a bare 401. It reads the token's claims without trusting them: the
 * decision was already taken by the verifier, this only explains it.
 */
public final class TokenRefusal {

  private TokenRefusal() {}

  /**
   * @param authorization the request's Authorization header (may be null)
   * @param expectedIssuer the issuer this server accepts, e.g. {@code
   *     https://sso.example/realms/civitas}
   * @param audience the client id a token must name in {@code aud}
   */
  public static String explain(
      String authorization, String expectedIssuer, String audience, Instant now) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return "Send a bearer token from the civitas realm in the Authorization header.";
    }
    String[] parts = authorization.substring(7).strip().split("\\.");
    JsonObject claims;
    try {
      if (parts.length != 3) {
        throw new IllegalArgumentException();
      }
      String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
      try (JsonReader r = Json.createReader(new StringReader(json))) {
        claims = r.readObject();
      }
    } catch (RuntimeException e) {
      return "The bearer token is not a JWT (header.payload.signature).";
    }
    JsonValue exp = claims.get("exp");
    if (exp != null
        && exp.getValueType() == JsonValue.ValueType.NUMBER
        && claims.getJsonNumber("exp").longValue() <= now.getEpochSecond()) {
      return "The token expired at "
          + Instant.ofEpochSecond(claims.getJsonNumber("exp").longValue())
          + ": request a new one.";
    }
    String iss =
        claims.containsKey("iss") && claims.get("iss").getValueType() == JsonValue.ValueType.STRING
            ? claims.getString("iss")
            : null;
    if (!expectedIssuer.equals(iss)) {
      return "The token was issued by '"
          + iss
          + "', but this server accepts tokens issued by '"
          + expectedIssuer
          + "' (request the token from that address).";
    }
    if (!audiences(claims.get("aud")).contains(audience)) {
      return "The token is not meant for this API: its audience (aud) does not include '"
          + audience
          + "'. Request it through a client that has the "
          + audience
          + " audience.";
    }
    return "The token's signature could not be verified (unknown signing key, or the sign-in service could not be reached).";
  }

  private static List<String> audiences(JsonValue aud) {
    if (aud == null) {
      return List.of();
    }
    if (aud.getValueType() == JsonValue.ValueType.STRING) {
      return List.of(((jakarta.json.JsonString) aud).getString());
    }
    if (aud.getValueType() == JsonValue.ValueType.ARRAY) {
      return ((JsonArray) aud)
          .stream()
              .filter(v -> v.getValueType() == JsonValue.ValueType.STRING)
              .map(v -> ((jakarta.json.JsonString) v).getString())
              .toList();
    }
    return List.of();
  }
}
