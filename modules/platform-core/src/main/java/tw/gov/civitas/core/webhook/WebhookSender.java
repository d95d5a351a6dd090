package tw.gov.civitas.core.webhook;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * One POST per delivery attempt. The client resolves names only through the {@link
 * WebhookTargetPolicy} and connects to the addresses it returned (no second lookup), never follows
 * a redirect, opens a new connection per attempt (so every attempt is checked), and gives up after
 * {@link #DEADLINE} however slowly a target answers. A failure is reported as a category, never as
 * the exception's text: the log must not tell a site administrator what is listening where.
 */
final class WebhookSender implements AutoCloseable {

  static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(5);
  static final Timeout READ_TIMEOUT = Timeout.ofSeconds(10);

  /** The most one attempt may take, connection, TLS and a trickling answer included. */
  static final Duration DEADLINE = Duration.ofSeconds(20);

  /** The HTTP status if there was an answer, or else the failure's category. */
  record Outcome(Integer status, String error) {
    boolean delivered() {
      return status != null && status >= 200 && status < 300;
    }
  }

  private final CloseableHttpClient http;

  WebhookSender(WebhookTargetPolicy targets) {
    DnsResolver checked =
        new DnsResolver() {
          @Override
          public InetAddress[] resolve(String host) throws UnknownHostException {
            return targets.resolve(host);
          }

          @Override
          public String resolveCanonicalHostname(String host) {
            return host;
          }
        };
    http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(checked)
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(CONNECT_TIMEOUT)
                            .setSocketTimeout(READ_TIMEOUT)
                            .build())
                    .setDefaultSocketConfig(
                        SocketConfig.custom().setSoTimeout(READ_TIMEOUT).build())
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setConnectionRequestTimeout(CONNECT_TIMEOUT)
                    .setResponseTimeout(READ_TIMEOUT)
                    .build())
            .setConnectionReuseStrategy((request, response, context) -> false)
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .disableContentCompression()
            .setUserAgent("Civitas-Webhooks/2")
            .build();
  }

  Outcome send(WebhookOutbox.Claimed delivery, Instant now) {
    HttpPost post;
    try {
      post = new HttpPost(URI.create(delivery.url()));
    } catch (IllegalArgumentException e) {
      return new Outcome(null, "invalid-url");
    }
    long timestamp = now.getEpochSecond();
    post.setHeader(WebhookSignature.ID_HEADER, delivery.messageId());
    post.setHeader(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(timestamp));
    post.setHeader(
        WebhookSignature.SIGNATURE_HEADER,
        WebhookSignature.sign(
            delivery.secret(), delivery.messageId(), timestamp, delivery.payload()));
    post.setHeader("X-Civitas-Event", delivery.event());
    post.setEntity(
        new StringEntity(
            delivery.payload(), ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
    CompletableFuture<Void> deadline =
        CompletableFuture.runAsync(
            post::cancel,
            CompletableFuture.delayedExecutor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS));
    try {
      ClassicHttpResponse response = http.executeOpen(null, post, null);
      int status = response.getCode();
      // The body does not matter: drop the connection rather than read what a target may keep
      // sending.
      if (response instanceof CloseableHttpResponse closeable) {
        closeable.close(CloseMode.IMMEDIATE);
      } else {
        response.close();
      }
      return new Outcome(status, status >= 200 && status < 300 ? null : statusCategory(status));
    } catch (IOException | RuntimeException e) {
      return new Outcome(null, post.isCancelled() ? "read-timeout" : category(e));
    } finally {
      deadline.cancel(false);
    }
  }

  static String statusCategory(int status) {
    return status >= 300 && status < 600 ? "http-" + status / 100 + "xx" : "http-other";
  }

  static String category(Exception e) {
    if (e instanceof RefusedTargetException) {
      return "refused-address";
    } else if (e instanceof UnknownHostException) {
      return "dns-failure";
    } else if (e instanceof ConnectTimeoutException) {
      return "connect-timeout";
    } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return "connection-refused";
    } else if (e instanceof SSLException) {
      return "tls-error";
    } else if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
      return "read-timeout";
    }
    return "connection-error";
  }

  @Override
  public void close() {
    http.close(CloseMode.IMMEDIATE);
  }
}
