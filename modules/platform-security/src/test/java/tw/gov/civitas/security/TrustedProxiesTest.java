package tw.gov.civitas.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.gov.civitas.core.net.AddressRange;

class TrustedProxiesTest {

  final List<AddressRange> proxies = TrustedProxies.parse("10.1.0.0/16, 192.0.2.7", false);

  static InetAddress ip(String s) throws Exception {
    return InetAddress.getByName(s);
  }

  @Test
  void rangesMatchOnlyTheirAddresses() throws Exception {
    assertTrue(TrustedProxies.matches(proxies, ip("10.1.200.3")));
    assertTrue(TrustedProxies.matches(proxies, ip("192.0.2.7")));
    assertFalse(TrustedProxies.matches(proxies, ip("10.2.0.1")));
    assertFalse(TrustedProxies.matches(proxies, ip("192.0.2.8")));
    assertFalse(TrustedProxies.matches(proxies, ip("::1")));
  }

  @Test
  void theClientIsTheRightMostHopNotAProxy() throws Exception {
    // the client wrote "6.6.6.6" itself; our proxy 10.1.0.5 appended the real peer 203.0.113.9
    assertEquals(
        ip("203.0.113.9"),
        TrustedProxies.clientAddress(List.of("6.6.6.6, 203.0.113.9, 10.1.0.5"), proxies));
    assertEquals(
        ip("203.0.113.9"),
        TrustedProxies.clientAddress(List.of("6.6.6.6", "203.0.113.9"), proxies));
  }

  @Test
  void namesAndGarbageAreNeverResolved() {
    assertNull(TrustedProxies.literal("localhost"));
    assertNull(TrustedProxies.literal("evil.example"));
    assertNull(TrustedProxies.literal("1.2.3"));
    assertNull(TrustedProxies.clientAddress(List.of("unknown"), proxies));
  }

  @Test
  void withoutAListBehindProxyTrustsOnlyThisHost() throws Exception {
    List<AddressRange> local = TrustedProxies.parse(null, true);
    assertTrue(TrustedProxies.matches(local, ip("127.0.0.1")));
    assertFalse(TrustedProxies.matches(local, ip("10.0.0.1")));
    assertTrue(TrustedProxies.parse(null, false).isEmpty());
  }

  @Test
  void aBadEntryStopsTheStart() {
    assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/40", false));
    assertThrows(
        IllegalArgumentException.class, () -> TrustedProxies.parse("proxy.internal", false));
  }
}
