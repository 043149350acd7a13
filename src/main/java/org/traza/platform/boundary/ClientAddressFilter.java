package org.traza.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.traza.platform.control.TrustedProxies;

/**
 * Hands each API request's client address to {@link RequestTracingFilter} as a request attribute
 * (which JAX-RS sees as a property). Read here from the servlet request itself: the injected {@code
 * HttpServletRequest} of a JAX-RS provider is a proxy that looks the request up on every call,
 * which cost more per audited request than the audit entry's own hash.
 *
 * <p>The address is the TCP peer's, unless that peer is one of {@code security.trusted-proxies}
 * (addresses or CIDR ranges, comma-separated; none by default): then it is the right-most address
 * of {@code X-Forwarded-For} that is not itself a trusted proxy. A client can put anything in that
 * header, so it is believed only from a proxy the operator named, and only as far as the chain of
 * trusted proxies goes. The audit log and the login throttle both use this address.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class ClientAddressFilter extends HttpFilter {

  /** The request attribute, and JAX-RS property, holding the client's address. */
  public static final String ATTRIBUTE = "org.traza.client-address";

  /** The configuration key listing the proxies whose X-Forwarded-For is believed. */
  public static final String TRUSTED_PROXIES = "security.trusted-proxies";

  private static final long serialVersionUID = 1L;

  private transient TrustedProxies trusted = TrustedProxies.NONE;

  @Override
  public void init(FilterConfig config) throws ServletException {
    super.init(config);
    List<String> listed =
        ConfigProvider.getConfig(getClass().getClassLoader())
            .getOptionalValues(TRUSTED_PROXIES, String.class)
            .orElse(List.of());
    trusted = TrustedProxies.of(listed);
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    req.setAttribute(
        ATTRIBUTE, trusted.clientAddress(req.getRemoteAddr(), req.getHeader("X-Forwarded-For")));
    chain.doFilter(req, res);
  }
}
