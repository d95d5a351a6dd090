package tw.gov.civitas.core.webhook;

import java.net.UnknownHostException;

/**
 * A webhook target the {@link WebhookTargetPolicy} refuses. An {@link UnknownHostException}, so
 * that the HTTP client's resolver may throw it: for the platform, such a host has no usable
 * address.
 */
public class RefusedTargetException extends UnknownHostException {
  public RefusedTargetException(String host) {
    super("refused webhook target: " + host);
  }
}
