package org.traza.platform.boundary;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Puts the browser's security headers on every response of the application (the API, the web
 * interface, the station page, the API explorer), before anything is written, so that error
 * responses carry them too. Two Content-Security-Policies:
 *
 * <ul>
 *   <li>{@link #API}, for {@code /api/}: nothing a browser could run or embed, since JSON, CSV,
 *       PDF, SVG and images are data, not pages (an SVG label opened directly cannot run script).
 *   <li>{@link #PAGES}, for everything else (the web interface, the station page, the API explorer
 *       under {@code /swagger-ui/}, static files, error pages): scripts and styles only from files
 *       of this server (no inline script or style, no eval), images also from data: and blob: URLs
 *       (rendered symbols, photos fetched with the token), media from blob: (camera), requests to
 *       this server only, no plugins, no framing, forms and base URL to this server only. Swagger
 *       UI 5 runs under it unchanged (its styles are set through the CSSOM, which CSP allows).
 * </ul>
 *
 * Payara's own endpoints ({@code /health}, {@code /openapi}) are outside the application and carry
 * none of these; they answer JSON or YAML, never a page.
 */
@WebFilter(
    urlPatterns = "/*",
    asyncSupported = true,
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** For the API's data: nothing may run, load or frame it. */
  public static final String API =
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  /** For the pages: the web interface, the station page, the API explorer. */
  public static final String PAGES =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
          + " connect-src 'self'; font-src 'self'; manifest-src 'self'; media-src 'self' blob:;"
          + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /** The camera for the station page's scanning; nothing else a page may ask for. */
  private static final String PERMISSIONS =
      "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), serial=()";

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    res.setHeader("Content-Security-Policy", policyFor(path));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    res.setHeader("Permissions-Policy", PERMISSIONS);
    if (req.isSecure()) {
      res.setHeader("Strict-Transport-Security", "max-age=31536000");
    }
    chain.doFilter(req, res);
  }

  /** The Content-Security-Policy for a path below the context root. */
  public static String policyFor(String path) {
    return path.startsWith("/api/") ? API : PAGES;
  }
}
