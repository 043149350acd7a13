package org.traza.platform.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reverse proxies (load balancers) whose {@code X-Forwarded-For} header is believed, as exact
 * addresses or CIDR ranges. Only IP literals are accepted: a host name would need a DNS look-up.
 */
public final class TrustedProxies {

  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

  /** One range: its network address bytes and prefix length. */
  private record Range(byte[] network, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (network[full] & mask);
    }
  }

  private final List<Range> ranges;

  private TrustedProxies(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  /**
   * Parses entries such as {@code 10.0.0.5}, {@code 10.0.0.0/8} or {@code ::1}; a malformed one is
   * a configuration error.
   */
  public static TrustedProxies of(List<String> entries) {
    List<Range> ranges = new ArrayList<>();
    for (String raw : entries) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      int slash = entry.indexOf('/');
      byte[] address = parse(slash < 0 ? entry : entry.substring(0, slash));
      if (address == null) {
        throw new IllegalArgumentException(
            "security.trusted-proxies: not an IP address or CIDR range: " + entry);
      }
      int prefix = slash < 0 ? address.length * 8 : Integer.parseInt(entry.substring(slash + 1));
      if (prefix < 0 || prefix > address.length * 8) {
        throw new IllegalArgumentException("security.trusted-proxies: bad prefix in " + entry);
      }
      ranges.add(new Range(address, prefix));
    }
    return new TrustedProxies(ranges);
  }

  /** Whether {@code address} (an IP literal) is a trusted proxy. */
  public boolean trusts(String address) {
    byte[] bytes = parse(address);
    return bytes != null && ranges.stream().anyMatch(r -> r.contains(bytes));
  }

  /**
   * The client's address: {@code peer}, or, when the peer is trusted, the right-most entry of
   * {@code forwardedFor} that is not trusted (the left-most if all are). A malformed entry ends the
   * walk: it was written by someone untrusted.
   */
  public String clientAddress(String peer, String forwardedFor) {
    if (ranges.isEmpty() || forwardedFor == null || !trusts(peer)) {
      return peer;
    }
    String client = peer;
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      byte[] bytes = parse(hop);
      if (bytes == null) {
        break;
      }
      client = canonical(bytes, hop);
      if (!trusts(hop)) {
        break;
      }
    }
    return client;
  }

  private static String canonical(byte[] bytes, String fallback) {
    try {
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      return fallback;
    }
  }

  /** The bytes of an IPv4 or IPv6 literal; null for anything else (never a DNS look-up). */
  static byte[] parse(String literal) {
    if (literal == null || literal.isEmpty() || !IP_LITERAL.matcher(literal).matches()) {
      return null;
    }
    if (literal.indexOf(':') < 0 && !literal.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return null;
    }
    try {
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException | RuntimeException e) {
      return null;
    }
  }
}
