package tw.gov.civitas.core.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}; a bare address is
 * one host): the webhook target policy and the trusted proxies both decide with it.
 */
public record AddressRange(byte[] network, int prefix) {

  private static final Pattern CANONICAL_IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

  /** Four decimal octets, nothing else (no 0x7f.1, 2130706433 or 0177.0.0.1). */
  public static boolean isCanonicalIpv4(String text) {
    return CANONICAL_IPV4.matcher(text).matches();
  }

  /**
   * @throws IllegalArgumentException when {@code cidr} is not an address literal or range
   */
  public static AddressRange parse(String cidr) {
    String text = cidr.strip();
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    if (address.startsWith("[") && address.endsWith("]")) {
      address = address.substring(1, address.length() - 1);
    }
    // Only literals: a host name here would be resolved once and then trusted forever.
    if (!address.contains(":") && !isCanonicalIpv4(address)) {
      throw new IllegalArgumentException("not an IP address or CIDR range: '" + cidr + "'");
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException | SecurityException e) {
      throw new IllegalArgumentException("not an IP address or CIDR range: '" + cidr + "'");
    }
    int prefix;
    try {
      prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an IP address or CIDR range: '" + cidr + "'");
    }
    if (prefix < 0 || prefix > bytes.length * 8) {
      throw new IllegalArgumentException("prefix out of range in '" + cidr + "'");
    }
    return new AddressRange(bytes, prefix);
  }

  public static List<AddressRange> parseAll(String... cidrs) {
    return Arrays.stream(cidrs).map(AddressRange::parse).toList();
  }

  public boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    if (candidate.length != network.length) {
      return false;
    }
    int whole = prefix / 8;
    for (int i = 0; i < whole; i++) {
      if (candidate[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = 0xff << (8 - rest) & 0xff;
    return (candidate[whole] & mask) == (network[whole] & mask);
  }
}
