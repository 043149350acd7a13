// The OpenAPI document is served by Payara at /openapi; "Authorize" takes the token from /api/auth/login.
window.ui = SwaggerUIBundle({
  url: "/openapi",
  dom_id: "#swagger-ui",
  deepLinking: true,
  persistAuthorization: true,
});
