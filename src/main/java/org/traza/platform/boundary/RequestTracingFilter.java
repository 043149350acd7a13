package org.traza.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.ActionPerformed;
import org.traza.platform.entity.AuditAction;
import org.traza.platform.entity.ProblemType;

/**
 * First and last to see each API request: gives it an id (X-Request-Id), refuses bodies over the
 * limit, logs one line per request naming it, and puts on record every write that was refused
 * (successful writes are recorded by the feature, inside its own transaction).
 */
@Provider
@PreMatching
@Priority(100)
public class RequestTracingFilter implements ContainerRequestFilter, ContainerResponseFilter {

  public static final String REQUEST_ID = "X-Request-Id";
  private static final System.Logger LOG = System.getLogger("org.traza.request");
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");
  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final String STARTED = "traza.started";
  private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

  @Inject RequestContext request;

  @Inject Event<ActionPerformed> actions;

  @Inject
  @ConfigProperty(name = "api.max-body-bytes", defaultValue = "1048576")
  long maxBodyBytes;

  /** Photos of markings are larger than any JSON request: their own limit. */
  @Inject
  @ConfigProperty(name = "scan.max-bytes", defaultValue = "16777216")
  long maxImageBytes;

  /** A trace exchange document carries its photos: its own limit. */
  @Inject
  @ConfigProperty(name = "trace.exchange.max-bytes", defaultValue = "33554432")
  long maxExchangeBytes;

  @Override
  public void filter(ContainerRequestContext ctx) throws IOException {
    ctx.setProperty(STARTED, System.nanoTime());
    String offered = ctx.getHeaderString(REQUEST_ID);
    String id =
        offered != null && SAFE_ID.matcher(offered).matches()
            ? offered
            : UUID.randomUUID().toString();
    request.begin(
        id, ctx.getProperty(ClientAddressFilter.ATTRIBUTE) instanceof String a ? a : "unknown");
    if (ctx.hasEntity()) {
      limitBody(ctx);
    }
  }

  private void limitBody(ContainerRequestContext ctx) throws IOException {
    MediaType type = ctx.getMediaType();
    long maxBodyBytes =
        ctx.getUriInfo().getPath().endsWith("trace-requests/import")
            ? maxExchangeBytes
            : type != null
                    && ("image".equals(type.getType())
                        || "application/pdf".equals(type.getType() + "/" + type.getSubtype())
                        || MediaType.APPLICATION_OCTET_STREAM_TYPE.isCompatible(type))
                ? maxImageBytes
                : this.maxBodyBytes;
    String declared = ctx.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (declared != null) {
      try {
        long length = Long.parseLong(declared.trim());
        if (length > maxBodyBytes) {
          if (length <= DRAIN_LIMIT) {
            drain(ctx.getEntityStream());
          }
          tooLarge(ctx, maxBodyBytes);
        }
        return;
      } catch (NumberFormatException e) {
        // fall through and count the bytes instead
      }
    }
    // No declared length (chunked): read at most one byte past the limit.
    InputStream in = ctx.getEntityStream();
    byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
    if (body.length > maxBodyBytes) {
      drain(in);
      tooLarge(ctx, maxBodyBytes);
      return;
    }
    ctx.setEntityStream(new ByteArrayInputStream(body));
  }

  /**
   * Reads and drops a bounded rest of the body, so that the client sees the answer, not a reset.
   */
  private static void drain(InputStream in) throws IOException {
    long drained = 0;
    byte[] sink = new byte[65536];
    for (int n; drained < DRAIN_LIMIT && (n = in.read(sink)) > 0; ) {
      drained += n;
    }
  }

  private void tooLarge(ContainerRequestContext ctx, long maxBodyBytes) {
    String detail = "The request body is larger than the limit of " + maxBodyBytes + " bytes.";
    request.failedWith(ProblemType.PAYLOAD_TOO_LARGE);
    ctx.abortWith(Problems.response(ProblemType.PAYLOAD_TOO_LARGE, detail, request.requestId()));
  }

  @Override
  public void filter(ContainerRequestContext req, ContainerResponseContext res) {
    res.getHeaders().putSingle(REQUEST_ID, request.requestId());
    int status = res.getStatus();
    String method = req.getMethod();
    String path = "/" + req.getUriInfo().getPath();
    if (status >= 400 && (WRITES.contains(method) || status == 401 || status == 403)) {
      recordRefusal(method, path, status);
    } else if (status < 300 && isInvestigatorRead(req, path)) {
      recordRead(req, path);
    }
    System.Logger.Level level =
        status >= 500 ? System.Logger.Level.WARNING : System.Logger.Level.INFO;
    if (LOG.isLoggable(level)) {
      Object started = req.getProperty(STARTED);
      long micros = started instanceof Long t ? (System.nanoTime() - t) / 1000 : -1;
      // one line per request: built by hand, as a message format costs more than the request
      LOG.log(
          level,
          request.requestId()
              + " "
              + method
              + " "
              + path
              + " -> "
              + status
              + " in "
              + micros / 1000
              + "."
              + (micros % 1000) / 100
              + " ms by "
              + request.actor());
    }
  }

  /**
   * Reads that tell nothing of a record (the interface's labels, the caller's own account,
   * reference lists the whole registry shares) are not on record; every other read of an
   * investigator is (ITI para 19, CIFTA Art. XIII: who looked at what).
   */
  private static final Set<String> UNRECORDED_READS =
      Set.of("ui", "auth", "calibres", "makes", "firearm-types", "trace-exchange");

  private boolean isInvestigatorRead(ContainerRequestContext req, String path) {
    if (request.audited() || !request.hasRole("INVESTIGATOR") || path.length() < 2) {
      return false;
    }
    String[] segments = path.substring(1).split("/");
    return segments.length > 0 && !UNRECORDED_READS.contains(segments[0]);
  }

  /**
   * One entry for an investigator's read that its feature did not record itself: the kind of record
   * (the path's first segment), its id (the first id in the path) and what was asked.
   */
  private void recordRead(ContainerRequestContext req, String path) {
    String[] segments = path.substring(1).split("/");
    String kind = segments[0];
    // the kind of record, singular as everywhere in the log: firearms -> firearm
    String type =
        kind.endsWith("ies")
            ? kind.substring(0, kind.length() - 3) + "y"
            : kind.endsWith("s") ? kind.substring(0, kind.length() - 1) : kind;
    String id = segments.length > 1 ? segments[1] : null;
    String query = req.getUriInfo().getRequestUri().getRawQuery();
    try {
      actions.fire(
          ActionPerformed.of(
              AuditAction.RECORD_READ,
              type,
              id,
              "read "
                  + req.getMethod()
                  + " /api"
                  + truncate(path + (query == null ? "" : "?" + query), 500)));
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.ERROR,
          "Could not record the read of request " + request.requestId() + ": " + e);
    }
  }

  private void recordRefusal(String method, String path, int status) {
    if (request.audited()) {
      return;
    }
    ProblemType problem = request.problem().orElse(ProblemType.forStatus(status));
    ActionPerformed.Outcome outcome =
        switch (status) {
          case 401, 403 -> ActionPerformed.Outcome.DENIED;
          default ->
              status >= 500 ? ActionPerformed.Outcome.FAILED : ActionPerformed.Outcome.REJECTED;
        };
    try {
      actions.fire(
          ActionPerformed.refused(
              AuditAction.REQUEST_REFUSED,
              truncate(path, 200),
              outcome,
              method
                  + " /api"
                  + truncate(path, 300)
                  + " answered "
                  + status
                  + " "
                  + problem.title()));
    } catch (RuntimeException e) {
      // The audit store may be what failed (database down): say so in the log, never to the client.
      LOG.log(
          System.Logger.Level.ERROR,
          "Could not record refused request " + request.requestId() + ": " + e);
    }
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
