package tw.gov.civitas.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real HTTP path against a receiver on this machine's loopback address. */
class WebhookSenderTest {

  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  private HttpServer receiver;
  private final List<Headers> received = new CopyOnWriteArrayList<>();
  private final List<String> bodies = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          received.add(exchange.getRequestHeaders());
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.createContext(
        "/moved",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port() + "/hook");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    receiver.createContext(
        "/broken",
        exchange -> {
          exchange.sendResponseHeaders(503, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
  }

  private int port() {
    return receiver.getAddress().getPort();
  }

  private static WebhookOutbox.Claimed delivery(String url) {
    return new WebhookOutbox.Claimed(
        1,
        "0b8e6f1e-0d7c-4f55-9a57-3c7a1b0c2d11",
        url,
        SECRET,
        "content.published",
        "{\"event\":\"content.published\",\"slug\":\"road-works\"}",
        0);
  }

  private static WebhookSender sender(String allowList) {
    return new WebhookSender(new WebhookTargetPolicy(allowList, InetAddress::getAllByName));
  }

  @Test
  void aLoopbackTargetIsRefusedAtSendingTimeWithoutAConnection() {
    try (WebhookSender sender = sender(null)) {
      for (String host : List.of("127.0.0.1", "localhost", "[::ffff:127.0.0.1]", "2130706433")) {
        WebhookSender.Outcome outcome =
            sender.send(delivery("http://" + host + ":" + port() + "/hook"), Instant.now());
        assertEquals(new WebhookSender.Outcome(null, "refused-address"), outcome, host);
      }
    }
    assertTrue(received.isEmpty(), "nothing reached the receiver");
  }

  @Test
  void anAllowListedReceiverGetsAStandardWebhooksSignedDelivery() {
    Instant sent = Instant.now();
    try (WebhookSender sender = sender("127.0.0.1")) {
      WebhookSender.Outcome outcome =
          sender.send(delivery("http://127.0.0.1:" + port() + "/hook"), sent);
      assertEquals(204, outcome.status());
      assertNull(outcome.error());
    }
    Headers h = received.get(0);
    assertEquals("0b8e6f1e-0d7c-4f55-9a57-3c7a1b0c2d11", h.getFirst("webhook-id"));
    assertEquals(String.valueOf(sent.getEpochSecond()), h.getFirst("webhook-timestamp"));
    assertTrue(
        WebhookSignature.verify(
            SECRET,
            h.getFirst("webhook-id"),
            h.getFirst("webhook-timestamp"),
            h.getFirst("webhook-signature"),
            bodies.get(0),
            Instant.now()));
    assertTrue(h.getFirst("Content-Type").startsWith("application/json"));
  }

  @Test
  void redirectsAreNotFollowedAndFailuresAreCategories() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = s.getLocalPort();
    }
    WebhookTargetPolicy unresolvable =
        new WebhookTargetPolicy(
            null,
            host -> {
              throw new UnknownHostException(host);
            });
    try (WebhookSender sender = sender("127.0.0.1");
        WebhookSender noDns = new WebhookSender(unresolvable)) {
      assertEquals(
          new WebhookSender.Outcome(302, "http-3xx"),
          sender.send(delivery("http://127.0.0.1:" + port() + "/moved"), Instant.now()));
      assertEquals(
          new WebhookSender.Outcome(503, "http-5xx"),
          sender.send(delivery("http://127.0.0.1:" + port() + "/broken"), Instant.now()));
      assertEquals(
          new WebhookSender.Outcome(null, "connection-refused"),
          sender.send(delivery("http://127.0.0.1:" + closedPort + "/hook"), Instant.now()));
      assertEquals(
          new WebhookSender.Outcome(null, "dns-failure"),
          noDns.send(delivery("https://hooks.example/hook"), Instant.now()));
    }
    assertTrue(received.isEmpty(), "the redirect's target was never called");
  }
}
