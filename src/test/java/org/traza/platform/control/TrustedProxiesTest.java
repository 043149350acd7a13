package org.traza.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  private final TrustedProxies proxies =
      TrustedProxies.of(List.of("10.0.0.0/8", " 192.0.2.7 ", "::1"));

  @Test
  void believes_forwarded_for_only_from_a_trusted_peer() {
    assertThat(proxies.clientAddress("10.1.2.3", "203.0.113.9")).isEqualTo("203.0.113.9");
    assertThat(proxies.clientAddress("198.51.100.4", "203.0.113.9")).isEqualTo("198.51.100.4");
    assertThat(TrustedProxies.NONE.clientAddress("10.1.2.3", "203.0.113.9")).isEqualTo("10.1.2.3");
    assertThat(proxies.clientAddress("10.1.2.3", null)).isEqualTo("10.1.2.3");
  }

  @Test
  void takes_the_rightmost_untrusted_hop_so_a_client_cannot_forge_its_own() {
    assertThat(proxies.clientAddress("10.1.2.3", "1.2.3.4, 203.0.113.9, 192.0.2.7"))
        .isEqualTo("203.0.113.9");
    assertThat(proxies.clientAddress("10.1.2.3", "not-an-ip, 10.9.9.9")).isEqualTo("10.9.9.9");
    assertThat(proxies.clientAddress("0:0:0:0:0:0:0:1", "2001:db8::0001"))
        .isEqualTo("2001:db8:0:0:0:0:0:1");
  }

  @Test
  void refuses_host_names_and_bad_ranges_in_the_configuration() {
    assertThatThrownBy(() -> TrustedProxies.of(List.of("proxy.example.org")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(TrustedProxies.parse("example.org")).isNull();
  }
}
