// The OpenAPI document is served by Payara at /openapi; "Authorize" takes the token from /api/auth/login.
window.ui = SwaggerUIBundle({
  url: "/openapi",
  dom_id: "#swagger-ui",
  deepLinking: true,
  persistAuthorization: true,
  // Payara names its server http://localhost:<port>; "Try it out" goes to the server this page
  // came from (the Content-Security-Policy allows connections to it only: connect-src 'self').
  requestInterceptor: (request) => {
    const target = new URL(request.url, window.location.href);
    request.url = window.location.origin + target.pathname + target.search;
    return request;
  },
});
