package org.traza.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api.Reply;
import org.traza.testing.Api.Role;

/**
 * The browser security headers on every surface of the application, and Payara's own endpoints as
 * decided: /metrics off, /health and /openapi public. (The pages working under their policy is
 * proved by the browser tests, WebInterfaceIT, StationPageIT and ApiExplorerIT: {@code
 * Browser.close()} fails a test on any CSP violation.)
 */
class SecurityHeadersIT extends AgainstServer {

  /** Path, and the policy it must carry. */
  private static final Map<String, String> SURFACES =
      Map.of(
          "/", SecurityHeadersFilter.PAGES,
          "/index.html", SecurityHeadersFilter.PAGES,
          "/app/app.js", SecurityHeadersFilter.PAGES,
          "/station/", SecurityHeadersFilter.PAGES,
          "/swagger-ui/", SecurityHeadersFilter.PAGES,
          "/swagger-ui/init.js", SecurityHeadersFilter.PAGES,
          "/api/firearms", SecurityHeadersFilter.API,
          "/api/auth/login", SecurityHeadersFilter.API,
          "/no-such-page", SecurityHeadersFilter.PAGES,
          "/api/no-such-resource", SecurityHeadersFilter.API);

  @Test
  void every_surface_carries_its_policy_and_the_other_headers() {
    SURFACES.forEach(
        (path, policy) -> {
          Reply r = api.send("GET", path, null, null, null);
          assertThat(r.header("Content-Security-Policy")).as(path).isEqualTo(policy);
          assertThat(r.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
          assertThat(r.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
          assertThat(r.header("X-Frame-Options")).as(path).isEqualTo("DENY");
          assertThat(r.header("Permissions-Policy")).as(path).contains("camera=(self)");
        });
  }

  @Test
  void the_page_policy_allows_no_inline_script_or_style_and_no_framing() {
    assertThat(SecurityHeadersFilter.PAGES)
        .contains("script-src 'self';")
        .contains("style-src 'self';")
        .doesNotContain("'unsafe-inline'")
        .doesNotContain("'unsafe-eval'")
        .contains("object-src 'none'")
        .contains("base-uri 'self'")
        .contains("frame-ancestors 'none'")
        .contains("form-action 'self'")
        .contains("connect-src 'self'")
        .contains("img-src 'self' data: blob:");
    assertThat(SecurityHeadersFilter.API).startsWith("default-src 'none'");
  }

  @Test
  void problem_responses_and_authenticated_answers_carry_the_headers_too() {
    Reply unauthenticated = api.get("/api/firearms", null);
    assertThat(unauthenticated.status()).isEqualTo(401);
    assertThat(unauthenticated.header("Content-Security-Policy"))
        .isEqualTo(SecurityHeadersFilter.API);
    Reply listed = api.get("/api/firearms", api.as(Role.ARMOURER));
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(listed.header("Content-Security-Policy")).isEqualTo(SecurityHeadersFilter.API);
  }

  @Test
  void the_pages_hold_no_inline_script_nor_inline_handlers() {
    for (String page : new String[] {"/", "/station/", "/swagger-ui/"}) {
      String html = api.send("GET", page, null, null, null).body();
      assertThat(html)
          .as(page)
          .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
          .doesNotContainPattern("\\son[a-z]+\\s*=")
          .doesNotContain("javascript:")
          .doesNotContain("style=");
    }
  }

  @Test
  void metrics_are_not_served_to_anyone_while_health_and_openapi_stay_public() {
    Reply metrics = api.send("GET", "/metrics", null, null, null);
    assertThat(metrics.status()).as(metrics.toString()).isNotEqualTo(200);
    assertThat(metrics.body()).doesNotContain("# TYPE").doesNotContain("connection_pool");
    Reply prometheus =
        api.send("GET", "/metrics", api.as(Role.ADMIN), null, null); // not even with a token
    assertThat(prometheus.status()).isNotEqualTo(200);
    assertThat(prometheus.body()).doesNotContain("# TYPE");

    Reply health = api.send("GET", "/health", null, null, null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("jdbc:");
    assertThat(api.send("GET", "/openapi", null, null, null).status()).isEqualTo(200);
  }
}
