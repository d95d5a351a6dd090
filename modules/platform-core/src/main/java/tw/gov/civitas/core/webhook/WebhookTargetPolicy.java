package tw.gov.civitas.core.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tw.gov.civitas.core.net.AddressRange;

/**
 * Which addresses a webhook may reach: the public internet, plus what the operator's allow-list
 * ({@value #ALLOWED_TARGETS_PROPERTY} or {@value #ALLOWED_TARGETS_ENV}: comma-separated IP
 * addresses or CIDR ranges) names. Everything else a site administrator could use to reach the
 * platform's own infrastructure is refused: loopback, RFC 1918, CGNAT, link-local (cloud metadata
 * at 169.254.169.254), unique-local and site-local IPv6, multicast, the unspecified address,
 * reserved and documentation ranges, and IPv6 forms that embed one of those IPv4 addresses.
 *
 * <p>The check runs on the addresses a name resolves to at the moment of sending, and the caller
 * connects to exactly those addresses, so a name that resolves differently a second later (DNS
 * rebinding) cannot slip past it.
 */
@ApplicationScoped
public class WebhookTargetPolicy {

  public static final String ALLOWED_TARGETS_PROPERTY = "civitas.webhooks.allowed-targets";
  public static final String ALLOWED_TARGETS_ENV = "CIVITAS_WEBHOOKS_ALLOWED_TARGETS";

  /** Name → addresses; the system resolver in production, a fixed table in tests. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /**
   * The numeric host forms inet_aton accepts (hex, octal, fewer than four parts). Declared before
   * the ranges below, whose parsing uses them.
   */
  private static final Pattern NUMERIC_HOST =
      Pattern.compile(
          "(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}\\.?", Pattern.CASE_INSENSITIVE);

  /**
   * From the IANA special-purpose address registries: nothing here is someone's public web server.
   */
  private static final List<AddressRange> NOT_PUBLIC =
      AddressRange.parseAll(
          "0.0.0.0/8",
          "10.0.0.0/8",
          "100.64.0.0/10",
          "127.0.0.0/8",
          "169.254.0.0/16",
          "172.16.0.0/12",
          "192.0.0.0/24",
          "192.0.2.0/24",
          "192.88.99.0/24",
          "192.168.0.0/16",
          "198.18.0.0/15",
          "198.51.100.0/24",
          "203.0.113.0/24",
          "224.0.0.0/4",
          "240.0.0.0/4",
          "::/128",
          "::1/128",
          "64:ff9b:1::/48",
          "100::/64",
          "2001::/32",
          "2001:2::/48",
          "2001:10::/28",
          "2001:db8::/32",
          "3fff::/20",
          "5f00::/16",
          "fc00::/7",
          "fe80::/10",
          "fec0::/10",
          "ff00::/8");

  /**
   * IPv6 prefixes that carry an IPv4 address in their last 32 bits: judged by that address. (The
   * JDK turns IPv4-mapped ::ffff:a.b.c.d into an IPv4 address itself; {@link #isMapped} catches one
   * built by hand.)
   */
  private static final List<AddressRange> EMBEDS_IPV4_AT_END =
      AddressRange.parseAll("::/96", "64:ff9b::/96", "::ffff:0:0:0/96");

  private static final AddressRange SIX_TO_FOUR = AddressRange.parse("2002::/16");

  private final List<AddressRange> allowed;
  private final Resolver resolver;

  /** The operator's configuration and the system resolver. */
  public WebhookTargetPolicy() {
    this(configuredAllowList(), InetAddress::getAllByName);
  }

  public WebhookTargetPolicy(String allowList, Resolver resolver) {
    this.allowed = parseAllowList(allowList);
    this.resolver = resolver;
  }

  /** A malformed allow-list fails the deployment instead of the first delivery. */
  void checkConfiguration(@Observes @Initialized(ApplicationScoped.class) Object started) {
    parseAllowList(configuredAllowList());
  }

  /**
   * The addresses to connect to for {@code host} (as in a URL: an IPv6 literal may keep its
   * brackets), every one of them allowed.
   *
   * @throws RefusedTargetException if the host is, or resolves to any, address the policy refuses
   * @throws UnknownHostException if the name does not resolve
   */
  public InetAddress[] resolve(String host) throws UnknownHostException {
    String name =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (NUMERIC_HOST.matcher(name).matches() && !AddressRange.isCanonicalIpv4(name)) {
      // 0x7f.1, 2130706433, 0177.0.0.1: resolvers disagree on what these mean; no webhook needs
      // them.
      throw new RefusedTargetException(host);
    }
    InetAddress[] addresses = resolver.resolve(name);
    if (addresses == null || addresses.length == 0) {
      throw new UnknownHostException(host);
    }
    for (InetAddress address : addresses) {
      if (!permitted(address)) {
        throw new RefusedTargetException(host);
      }
    }
    return addresses;
  }

  /**
   * Whether a connection to this address is allowed: a public address, or one the allow-list names.
   */
  public boolean permitted(InetAddress address) {
    Optional<Inet4Address> embedded = embeddedIpv4(address);
    for (AddressRange range : allowed) {
      if (range.contains(address) || embedded.filter(range::contains).isPresent()) {
        return true;
      }
    }
    return isPublic(address);
  }

  static boolean isPublic(InetAddress address) {
    Optional<Inet4Address> embedded = embeddedIpv4(address);
    if (embedded.isPresent()) {
      return isPublic(embedded.get());
    }
    if (address instanceof Inet6Address v6 && v6.getScopeId() != 0) {
      return false; // a zone index only makes sense on a local link
    }
    return NOT_PUBLIC.stream().noneMatch(range -> range.contains(address));
  }

  private static Optional<Inet4Address> embeddedIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return Optional.empty();
    }
    byte[] b = address.getAddress();
    byte[] v4 = null;
    if (isMapped(b) || EMBEDS_IPV4_AT_END.stream().anyMatch(range -> range.contains(address))) {
      if (isZero(b, 0, 15) && (b[15] == 0 || b[15] == 1)) {
        return Optional.empty(); // :: and ::1 are IPv6's own unspecified and loopback addresses
      }
      v4 = new byte[] {b[12], b[13], b[14], b[15]};
    } else if (SIX_TO_FOUR.contains(address)) {
      v4 = new byte[] {b[2], b[3], b[4], b[5]};
    }
    if (v4 == null) {
      return Optional.empty();
    }
    try {
      return Optional.of((Inet4Address) InetAddress.getByAddress(v4));
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // four bytes are always an IPv4 address
    }
  }

  private static boolean isMapped(byte[] v6) {
    return isZero(v6, 0, 10) && v6[10] == (byte) 0xff && v6[11] == (byte) 0xff;
  }

  private static boolean isZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static String configuredAllowList() {
    String property = System.getProperty(ALLOWED_TARGETS_PROPERTY);
    return property != null ? property : System.getenv(ALLOWED_TARGETS_ENV);
  }

  private static List<AddressRange> parseAllowList(String allowList) {
    List<AddressRange> ranges = new ArrayList<>();
    if (allowList == null) {
      return ranges;
    }
    for (String entry : allowList.split("[,\\s]+")) {
      if (entry.isBlank()) {
        continue;
      }
      try {
        ranges.add(AddressRange.parse(entry));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            ALLOWED_TARGETS_PROPERTY
                + " / "
                + ALLOWED_TARGETS_ENV
                + ": "
                + e.getMessage()
                + " (expected comma-separated IP addresses or CIDR ranges)");
      }
    }
    return List.copyOf(ranges);
  }
}
