package tw.gov.civitas.security;

import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HttpString;
import jakarta.servlet.ServletContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import tw.gov.civitas.core.net.AddressRange;

/**
 * X-Forwarded-For and X-Forwarded-Proto, honoured only when the connection comes from a configured
 * proxy ({@code CIVITAS_TRUSTED_PROXIES}: addresses or CIDR ranges). Undertow's own {@code
 * proxy-address-forwarding} believes the headers from any peer, so a client could choose the
 * address that audit records and rate limits count. From any other peer the headers are removed, so
 * nothing further down can be fooled by them. Runs on the IO thread, before servlet dispatch.
 */
public final class TrustedProxies implements ServletExtension {

  private static final Logger LOG = Logger.getLogger(TrustedProxies.class.getName());
  private static final AttachmentKey<Boolean> APPLIED = AttachmentKey.create(Boolean.class);
  private static final HttpString X_FORWARDED_FOR = HttpString.tryFromString("X-Forwarded-For");
  private static final HttpString X_FORWARDED_PROTO = HttpString.tryFromString("X-Forwarded-Proto");
  private static final HttpString X_FORWARDED_HOST = HttpString.tryFromString("X-Forwarded-Host");
  private static final HttpString X_FORWARDED_PORT = HttpString.tryFromString("X-Forwarded-Port");
  private static final HttpString FORWARDED = HttpString.tryFromString("Forwarded");

  private static volatile List<AddressRange> configured;

  /** For the WARs that have no handler of their own (the editor, the citizen account). */
  @Override
  public void handleDeployment(DeploymentInfo info, ServletContext context) {
    info.addInitialHandlerChainWrapper(
        next ->
            exchange -> {
              apply(exchange);
              next.handleRequest(exchange);
            });
  }

  /** Idempotent: applied once per exchange, whoever calls it first. */
  public static void apply(HttpServerExchange exchange) {
    if (exchange.getAttachment(APPLIED) != null) {
      return;
    }
    exchange.putAttachment(APPLIED, Boolean.TRUE);
    List<AddressRange> trusted = trusted();
    InetSocketAddress peer = exchange.getSourceAddress();
    if (!trusted.isEmpty() && peer != null && matches(trusted, peer.getAddress())) {
      InetAddress client =
          clientAddress(exchange.getRequestHeaders().get(X_FORWARDED_FOR), trusted);
      if (client != null) {
        exchange.setSourceAddress(new InetSocketAddress(client, peer.getPort()));
      }
      String proto = exchange.getRequestHeaders().getLast(X_FORWARDED_PROTO);
      if ("https".equalsIgnoreCase(proto) || "http".equalsIgnoreCase(proto)) {
        exchange.setRequestScheme(proto.toLowerCase());
      }
    }
    for (HttpString h :
        new HttpString[] {
          X_FORWARDED_FOR, X_FORWARDED_PROTO, X_FORWARDED_HOST, X_FORWARDED_PORT, FORWARDED
        }) {
      exchange.getRequestHeaders().remove(h);
    }
  }

  /**
   * The right-most address that is not one of our proxies: every hop to its right was added by a
   * proxy we trust, anything to its left was written by the client and proves nothing.
   */
  static InetAddress clientAddress(List<String> headerValues, List<AddressRange> trusted) {
    if (headerValues == null) {
      return null;
    }
    List<String> hops = new ArrayList<>();
    for (String v : headerValues) {
      for (String hop : v.split(",")) {
        hops.add(hop.strip());
      }
    }
    InetAddress last = null;
    for (int i = hops.size() - 1; i >= 0; i--) {
      InetAddress a = literal(hops.get(i));
      if (a == null) {
        return last; // garbage: stop at the last address a trusted proxy vouched for
      }
      last = a;
      if (!matches(trusted, a)) {
        return a;
      }
    }
    return last;
  }

  static List<AddressRange> trusted() {
    List<AddressRange> t = configured;
    if (t == null) {
      t =
          parse(
              setting("CIVITAS_TRUSTED_PROXIES", "civitas.trusted-proxies"),
              Boolean.parseBoolean(setting("CIVITAS_BEHIND_PROXY", "civitas.behind-proxy")));
      configured = t;
    }
    return t;
  }

  /** Without a list, CIVITAS_BEHIND_PROXY=true trusts a proxy on the same host only. */
  static List<AddressRange> parse(String list, boolean behindProxy) {
    List<AddressRange> out = new ArrayList<>();
    if (list != null && !list.isBlank()) {
      for (String entry : list.split(",")) {
        if (!entry.isBlank()) {
          out.add(range(entry.strip()));
        }
      }
    } else if (behindProxy) {
      LOG.warning(
          "CIVITAS_BEHIND_PROXY=true without CIVITAS_TRUSTED_PROXIES: trusting a proxy on this host only");
      out.addAll(AddressRange.parseAll("127.0.0.0/8", "::1/128"));
    }
    return List.copyOf(out);
  }

  private static AddressRange range(String entry) {
    try {
      return AddressRange.parse(entry);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("CIVITAS_TRUSTED_PROXIES: " + e.getMessage(), e);
    }
  }

  private static String setting(String env, String property) {
    String v = System.getenv(env);
    return v != null ? v : System.getProperty(property);
  }

  static boolean matches(List<AddressRange> ranges, InetAddress a) {
    for (AddressRange c : ranges) {
      if (c.contains(a)) {
        return true;
      }
    }
    return false;
  }

  /** An IP literal, never a name (no DNS lookup on a header's content). */
  static InetAddress literal(String s) {
    String v = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
    if (v.isEmpty()
        || !v.matches("[0-9a-fA-F:.]+")
        || (!v.contains(":") && !AddressRange.isCanonicalIpv4(v))) {
      return null;
    }
    try {
      return InetAddress.getByName(v);
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
