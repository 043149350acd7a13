package org.traza.platform.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;

/** Builds RFC 9457 problem responses: the one place their shape is decided. */
public final class Problems {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

  private static final Jsonb JSONB = JsonbBuilder.create();

  private Problems() {}

  public static Response response(ProblemException e, String requestId) {
    return response(e.type(), e.getMessage(), requestId, e.extensions(), e.violations());
  }

  public static Response response(ProblemType type, String detail, String requestId) {
    return response(type, detail, requestId, Map.of(), List.of());
  }

  /**
   * The problem any failure amounts to (what the exception mappers would answer), for endpoints
   * that report several outcomes in one response, such as a batch.
   */
  public static ProblemException classify(Throwable thrown) {
    return ExceptionMappers.classify(thrown);
  }

  /** The members of a problem document, to embed in a larger response. */
  public static Map<String, Object> body(ProblemException e, String requestId) {
    return body(e.type(), e.getMessage(), requestId, e.extensions(), e.violations());
  }

  /** The problem document as JSON text, as a response carries it. */
  public static String json(ProblemException e, String requestId) {
    return JSONB.toJson(body(e, requestId));
  }

  private static Map<String, Object> body(
      ProblemType type,
      String detail,
      String requestId,
      Map<String, Object> extensions,
      List<ProblemException.Violation> violations) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type.uri());
    body.put("title", type.title());
    body.put("status", type.status());
    body.put("detail", detail);
    body.put("instance", instance(requestId));
    body.putAll(extensions);
    if (!violations.isEmpty()) {
      body.put("violations", violations);
    }
    return body;
  }

  public static Response response(
      ProblemType type,
      String detail,
      String requestId,
      Map<String, Object> extensions,
      List<ProblemException.Violation> violations) {
    Map<String, Object> body = body(type, detail, requestId, extensions, violations);
    Response.ResponseBuilder builder =
        Response.status(type.status()).type(PROBLEM_JSON).entity(JSONB.toJson(body));
    if (type.status() == 401) {
      builder.header("WWW-Authenticate", "Bearer realm=\"traza\"");
    }
    if (extensions.get(ProblemException.RETRY_AFTER_SECONDS) instanceof Number seconds) {
      builder.header("Retry-After", seconds.longValue());
    }
    return builder.build();
  }

  public static String instance(String requestId) {
    return "urn:traza:request:" + requestId;
  }
}
