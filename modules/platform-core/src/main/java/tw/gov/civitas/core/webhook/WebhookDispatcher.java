package tw.gov.civitas.core.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends due webhook deliveries, outside any database transaction: claim (short transaction),
 * POST with an HMAC-SHA256 signature of the body, record the outcome (short transaction).
 */
@ApplicationScoped
public class WebhookDispatcher {

  public static final String SIGNATURE_HEADER = "X-Civitas-Signature";

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

  @Inject WebhookService webhooks;

  /** Returns how many deliveries were attempted. */
  public int dispatchDue(Instant now) {
    int attempted = 0;
    for (WebhookService.Claimed d : webhooks.claimDue(now, 20)) {
      attempted++;
      Integer status = null;
      String error = null;
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(d.url()))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("User-Agent", "Civitas-Webhooks/1")
            .header("X-Civitas-Event", d.event())
            .header("X-Civitas-Delivery", String.valueOf(d.id()))
            .header(SIGNATURE_HEADER, "sha256=" + sign(d.secret(), d.payload()))
            .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8))
            .build(), HttpResponse.BodyHandlers.discarding());
        status = r.statusCode();
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      }
      webhooks.recordResult(d.id(), status, error, Instant.now());
    }
    return attempted;
  }

  public static String sign(String secret, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
