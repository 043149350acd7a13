package org.traza.platform.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Comparator;
import java.util.List;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;

/**
 * Turns every exception into a problem response. Exceptions arrive wrapped (by the transaction
 * interceptor, EJB, JSON-B or the JDBC pool), so each is classified by walking its causes. Details
 * sent to clients are fixed sentences or our own messages: never a stack trace, SQL or class name.
 * Unexpected failures are logged with the request id that the response carries as its instance.
 */
public final class ExceptionMappers {

  private static final System.Logger LOG = System.getLogger(ExceptionMappers.class.getName());

  private ExceptionMappers() {}

  /** Maps anything thrown by a resource, a filter or the JSON binding. */
  @Provider
  public static class Any implements ExceptionMapper<Throwable> {
    @Inject RequestContext request;

    @Override
    public Response toResponse(Throwable thrown) {
      return respond(thrown, request);
    }
  }

  /**
   * JAX-RS's own exceptions (404, 405, 415 ...) keep their status but become problems. A 415 names
   * the media types the addressed resource takes for the request's method (an image endpoint
   * answers with image types, not JSON), in its detail and in an {@code Accept} header (RFC 9110
   * section 15.5.16).
   */
  @Provider
  public static class Web implements ExceptionMapper<WebApplicationException> {
    @Inject RequestContext request;

    @Context ExtendedUriInfo uri;

    @Context jakarta.ws.rs.core.Request http;

    @Override
    public Response toResponse(WebApplicationException e) {
      if (e.getResponse() != null && e.getResponse().getStatus() == 415) {
        List<String> accepted = consumedHere();
        if (!accepted.isEmpty()) {
          Response r =
              respond(
                  new ProblemException(
                          ProblemType.UNSUPPORTED_MEDIA_TYPE,
                          "Send the body as " + either(accepted) + ".")
                      .with("accepted", accepted),
                  request);
          return Response.fromResponse(r).header("Accept", String.join(", ", accepted)).build();
        }
      }
      return respond(e, request);
    }

    /** The media types the matched resource's methods for this request's method consume. */
    private List<String> consumedHere() {
      try {
        return uri.getMatchedRuntimeResources().stream()
            .limit(1)
            .flatMap(r -> r.getResourceMethods().stream())
            .filter(m -> http.getMethod().equals(m.getHttpMethod()))
            .flatMap(m -> m.getConsumedTypes().stream())
            .filter(t -> !t.isWildcardType())
            .map(t -> t.getType() + "/" + t.getSubtype())
            .distinct()
            .toList();
      } catch (RuntimeException noRoutingState) {
        return List.of();
      }
    }

    private static String either(List<String> types) {
      return types.size() == 1
          ? types.get(0)
          : String.join(", ", types.subList(0, types.size() - 1))
              + " or "
              + types.get(types.size() - 1);
    }
  }

  /**
   * A failure of the transaction interceptor, at commit mostly. Jersey's CDI integration brings a
   * mapper of its own for this type, which rethrows anything but a wrapped WebApplicationException,
   * so that Payara answered its HTML 500; this one, of the same type and a higher priority, wins.
   */
  @Provider
  @jakarta.annotation.Priority(jakarta.ws.rs.Priorities.USER - 1000)
  public static class Transactions
      implements ExceptionMapper<jakarta.transaction.TransactionalException> {
    @Inject RequestContext request;

    @Override
    public Response toResponse(jakarta.transaction.TransactionalException e) {
      return respond(e, request);
    }
  }

  /** Bean Validation failures on resource parameters. */
  @Provider
  public static class Validation implements ExceptionMapper<ConstraintViolationException> {
    @Inject RequestContext request;

    @Override
    public Response toResponse(ConstraintViolationException e) {
      return respond(e, request);
    }
  }

  private static Response respond(Throwable thrown, RequestContext request) {
    ProblemException problem = classify(thrown);
    request.failedWith(problem.type());
    if (problem.type().status() >= 500) {
      LOG.log(
          System.Logger.Level.ERROR,
          Problems.instance(request.requestId()) + " " + problem.type().slug(),
          thrown);
    }
    return Problems.response(problem, request.requestId());
  }

  static ProblemException classify(Throwable thrown) {
    List<Throwable> chain = new java.util.ArrayList<>();
    for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    for (Throwable t : chain) {
      if (t instanceof ProblemException p) {
        return p;
      }
      if (t instanceof ConstraintViolationException c) {
        return fromViolations(c);
      }
    }
    if (failedInCommit(chain)) {
      return outcomeUnknown();
    }
    for (Throwable t : chain) {
      if (t instanceof OptimisticLockException
          || t.getClass().getName().endsWith("OptimisticLockException")) {
        return new ProblemException(
            ProblemType.CONCURRENT_MODIFICATION,
            "The record was changed by someone else at the same time; read it again and retry.");
      }
      if (isDatabaseUnavailable(t)) {
        return new ProblemException(
            ProblemType.DATABASE_UNAVAILABLE,
            "The database cannot be reached; nothing was changed. Try again shortly.");
      }
      if (t instanceof SQLException s
          && s.getSQLState() != null
          && s.getSQLState().startsWith("22")) {
        // A value the database cannot keep (too long, out of range, an impossible date): the
        // checks before the database should have caught it; the client still made the mistake.
        return new ProblemException(
            ProblemType.VALIDATION_FAILED,
            "A value in the request does not fit what the registry keeps (too long, out of range"
                + " or an impossible date); nothing was changed.");
      }
      if (t instanceof SQLIntegrityConstraintViolationException
          || (t instanceof SQLException s
              && s.getSQLState() != null
              && s.getSQLState().startsWith("23"))) {
        return new ProblemException(
            ProblemType.CONFLICT,
            "The change conflicts with an existing record (a unique value is already taken).");
      }
    }
    for (Throwable t : chain) {
      if (t instanceof JsonbException
          || t instanceof JsonException
          || t instanceof ProcessingException) {
        return malformed();
      }
    }
    if (thrown instanceof WebApplicationException w) {
      int status = w.getResponse() == null ? 500 : w.getResponse().getStatus();
      return status == 400
          ? malformed()
          : new ProblemException(ProblemType.forStatus(status), webDetail(status));
    }
    return new ProblemException(
        ProblemType.INTERNAL_ERROR,
        "The server could not complete the request; it has been logged under this instance.");
  }

  /**
   * The problem of a failure in the commit window: the change may be committed (the COMMIT reached
   * the database, the answer did not) or not. Only a retry with the same idempotency key can tell.
   */
  public static ProblemException outcomeUnknown() {
    return new ProblemException(
            ProblemType.OUTCOME_UNKNOWN,
            "The database failed while the change was being committed: it may or may not have been"
                + " made. Send the same request again with the same idempotency key: it answers"
                + " what was committed, or does the change once.")
        .with(ProblemException.RETRY_AFTER_SECONDS, 5);
  }

  /**
   * Whether {@code chain} is a failure at or after commit whose outcome is unknown: the transaction
   * manager failed to commit (a system or heuristic exception, as when the connection drops during
   * the COMMIT), or it rolled back because the database connection failed. A rollback for any other
   * reason (a unique key, a check, at the flush before commit) changed nothing and keeps its own
   * problem; a failure before the commit keeps database-unavailable.
   */
  static boolean failedInCommit(List<Throwable> chain) {
    boolean systemFailure = false;
    boolean rolledBack = false;
    boolean connectionLost = false;
    for (Throwable t : chain) {
      systemFailure |=
          t instanceof jakarta.transaction.SystemException
              || t instanceof jakarta.transaction.HeuristicMixedException
              || t instanceof jakarta.transaction.HeuristicRollbackException
              || (t instanceof jakarta.transaction.TransactionalException
                  && String.valueOf(t.getMessage()).contains("during commit")
                  && !(t.getCause() instanceof jakarta.transaction.RollbackException));
      rolledBack |= t instanceof jakarta.transaction.RollbackException;
      connectionLost |= isDatabaseUnavailable(t);
    }
    return systemFailure || (rolledBack && connectionLost);
  }

  private static ProblemException malformed() {
    return new ProblemException(
        ProblemType.MALFORMED_BODY,
        "The request body is not valid JSON for this resource (malformed JSON, or a value of the"
            + " wrong type).");
  }

  private static String webDetail(int status) {
    return switch (status) {
      case 400 -> "The request cannot be read.";
      case 401 -> "Log in with POST /api/auth/login and send the token as a Bearer token.";
      case 403 -> "Your roles do not allow this.";
      case 404 -> "There is nothing at this address.";
      case 405 -> "This method is not allowed on this resource.";
      case 406 -> "This resource cannot answer in any of the accepted media types.";
      case 415 -> "Send the body as application/json.";
      default -> "The request could not be processed.";
    };
  }

  static boolean isDatabaseUnavailable(Throwable t) {
    if (t instanceof SQLTransientConnectionException
        || t instanceof SQLNonTransientConnectionException
        || t instanceof ConnectException) {
      return true;
    }
    if (t instanceof SQLException s
        && s.getSQLState() != null
        && s.getSQLState().startsWith("08")) {
      return true;
    }
    String name = t.getClass().getName();
    String message = String.valueOf(t.getMessage());
    return name.endsWith("PoolingException")
        || name.endsWith("ResourceAllocationException")
        || message.contains("Error in allocating a connection");
  }

  static ProblemException fromViolations(ConstraintViolationException e) {
    List<ProblemException.Violation> violations =
        e.getConstraintViolations().stream()
            .map(v -> new ProblemException.Violation(field(v), v.getMessage()))
            .sorted(Comparator.comparing(ProblemException.Violation::field))
            .toList();
    String fields =
        String.join(
            ", ", violations.stream().map(ProblemException.Violation::field).distinct().toList());
    return new ProblemException(
        ProblemType.VALIDATION_FAILED,
        "The request has invalid fields: " + (fields.isEmpty() ? "body" : fields) + ".",
        violations);
  }

  /** "register.request.serialNumber" (method, parameter, property) becomes "serialNumber". */
  private static String field(ConstraintViolation<?> v) {
    if (v.getRootBeanClass() != null
        && v.getRootBeanClass().isAnnotationPresent(jakarta.persistence.Entity.class)) {
      // checked as it is written to the database: the entity's property
      return String.valueOf(v.getPropertyPath());
    }
    String[] parts = String.valueOf(v.getPropertyPath()).split("\\.");
    if (parts.length >= 3) {
      return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
    }
    return parts.length == 2 ? parts[1] : "body";
  }
}
