package tw.gov.civitas.core.webhook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a webhook may reach, for the spellings an attacker would try. */
class WebhookTargetPolicyTest {

  /** A resolver with fixed answers; the real one only for "localhost". */
  private static final WebhookTargetPolicy.Resolver NAMES =
      host -> {
        Map<String, String[]> table =
            Map.of(
                "rebind.example", new String[] {"127.0.0.1"},
                "metadata.example", new String[] {"169.254.169.254"},
                "mixed.example", new String[] {"93.184.215.14", "10.0.0.7"},
                "public.example",
                    new String[] {"93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"});
        if (host.equals("localhost")) {
          return InetAddress.getAllByName(host);
        }
        String[] answers = table.get(host);
        if (answers == null) {
          if (host.matches("[0-9.]+") || host.contains(":")) {
            return new InetAddress[] {
              InetAddress.getByName(host)
            }; // a literal, as the system resolver parses it
          }
          throw new UnknownHostException(host);
        }
        InetAddress[] addresses = new InetAddress[answers.length];
        for (int i = 0; i < answers.length; i++) {
          addresses[i] = InetAddress.getByName(answers[i]);
        }
        return addresses;
      };

  private final WebhookTargetPolicy policy = new WebhookTargetPolicy(null, NAMES);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.8.9.10",
        "localhost",
        "0x7f.1",
        "0x7f000001",
        "2130706433",
        "127.1",
        "0177.0.0.1",
        "127.0.0.1.",
        "[::1]",
        "::1",
        "[::ffff:127.0.0.1]",
        "[::ffff:7f00:1]",
        "[::127.0.0.1]",
        "[64:ff9b::7f00:1]",
        "[2002:7f00:1::]",
        "[::ffff:0:a00:1]",
        "[::]",
        "0.0.0.0",
        "0",
        "10.0.0.1",
        "10.255.255.255",
        "172.16.0.1",
        "172.31.255.254",
        "192.168.1.1",
        "100.64.0.1",
        "100.127.255.254",
        "169.254.169.254",
        "169.254.0.1",
        "[fe80::1]",
        "[fd00::1]",
        "[fc00::]",
        "[fec0::1]",
        "[ff02::1]",
        "224.0.0.251",
        "239.255.255.250",
        "255.255.255.255",
        "240.0.0.1",
        "192.0.2.10",
        "198.18.0.1",
        "[2001:db8::1]",
        "[2001::1]",
        "[::ffff:169.254.169.254]",
        "[::ffff:10.0.0.1]",
        "rebind.example",
        "metadata.example",
        "mixed.example"
      })
  void refusesEveryNonPublicSpelling(String host) {
    assertThrows(RefusedTargetException.class, () -> policy.resolve(host), host);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "93.184.215.14",
        "8.8.8.8",
        "172.15.255.255",
        "172.32.0.1",
        "100.63.255.255",
        "100.128.0.1",
        "[2606:4700:4700::1111]",
        "[::ffff:8.8.8.8]",
        "[64:ff9b::808:808]",
        "public.example"
      })
  void allowsPublicAddresses(String host) throws Exception {
    assertTrue(policy.resolve(host).length > 0, host);
  }

  @Test
  void aNameThatDoesNotResolveIsNotARefusal() {
    UnknownHostException e =
        assertThrows(UnknownHostException.class, () -> policy.resolve("nowhere.example"));
    assertTrue(!(e instanceof RefusedTargetException));
  }

  @Test
  void theAllowListOpensExactlyWhatItNames() throws Exception {
    WebhookTargetPolicy allowing = new WebhookTargetPolicy("127.0.0.1, 10.20.0.0/16 ::1", NAMES);
    assertArrayEquals(new byte[] {127, 0, 0, 1}, allowing.resolve("127.0.0.1")[0].getAddress());
    assertArrayEquals(
        new byte[] {127, 0, 0, 1}, allowing.resolve("rebind.example")[0].getAddress());
    assertTrue(allowing.resolve("10.20.3.4").length == 1);
    assertTrue(allowing.resolve("[::1]").length == 1);
    assertThrows(RefusedTargetException.class, () -> allowing.resolve("127.0.0.2"));
    assertThrows(RefusedTargetException.class, () -> allowing.resolve("10.21.0.1"));
    assertThrows(RefusedTargetException.class, () -> allowing.resolve("169.254.169.254"));
    // the numeric spellings stay refused even when the address they might mean is allowed
    assertThrows(RefusedTargetException.class, () -> allowing.resolve("2130706433"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "10.0.0.0/33", "not an address", "127.1"})
  void aMalformedAllowListIsRefused(String entry) {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new WebhookTargetPolicy(entry, NAMES));
    assertTrue(
        e.getMessage().contains(WebhookTargetPolicy.ALLOWED_TARGETS_PROPERTY), e.getMessage());
  }
}
