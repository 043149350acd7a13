package org.traza.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Hands each API request's client address to {@link RequestTracingFilter} as a request attribute
 * (which JAX-RS sees as a property). Read here from the servlet request itself: the injected {@code
 * HttpServletRequest} of a JAX-RS provider is a proxy that looks the request up on every call,
 * which cost more per audited request than the audit entry's own hash.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class ClientAddressFilter extends HttpFilter {

  /** The request attribute, and JAX-RS property, holding the client's address. */
  public static final String ATTRIBUTE = "org.traza.client-address";

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    req.setAttribute(ATTRIBUTE, req.getRemoteAddr());
    chain.doFilter(req, res);
  }
}
