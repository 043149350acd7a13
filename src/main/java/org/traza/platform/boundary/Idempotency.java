package org.traza.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.traza.platform.control.IdempotentOutcomes;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.IdempotentOutcome;
import org.traza.platform.entity.IdempotentRequest;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;

/**
 * Exactly once for the outcome: what a request under an idempotency key came to, accepted or
 * refused, is what every retry with the key is answered ({@code Idempotent-Replayed: true}), and
 * the same key with a different request is 409 idempotency-key-reused. Accepted requests are found
 * by their own record (the feature's); refusals are kept by {@link IdempotentOutcomes}. A failure
 * in the commit window is never guessed at: it is 503 outcome-unknown, and the retry with the key
 * answers what was committed, or does the work once. See docs/idempotency.md.
 */
@ApplicationScoped
public class Idempotency {

  /** The header that marks an answer as the replay of an earlier one. */
  public static final String REPLAYED = "Idempotent-Replayed";

  /**
   * Refusals that say nothing final about the request (who sends it, a race, a limit, the key
   * itself): answered, never kept, so that a retry with the key runs again. A plain conflict is
   * kept: a closed count refuses its scans for good, and the unique keys these requests could race
   * on are taken under the lock of what they change.
   */
  private static final Set<ProblemType> NOT_KEPT =
      EnumSet.of(
          ProblemType.UNAUTHENTICATED,
          ProblemType.INVALID_CREDENTIALS,
          ProblemType.STATION_REFUSED,
          ProblemType.PASSWORD_CHANGE_REQUIRED,
          ProblemType.CONCURRENT_MODIFICATION,
          ProblemType.IDEMPOTENCY_KEY_REUSED,
          ProblemType.PRECONDITION_FAILED,
          ProblemType.PRECONDITION_REQUIRED,
          ProblemType.PAYLOAD_TOO_LARGE,
          ProblemType.MALFORMED_BODY,
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          ProblemType.NOT_ACCEPTABLE,
          ProblemType.METHOD_NOT_ALLOWED,
          ProblemType.TOO_MANY_ATTEMPTS);

  private static final System.Logger LOG = System.getLogger(Idempotency.class.getName());

  @Inject IdempotentOutcomes outcomes;
  @Inject RequestContext request;

  /**
   * What a keyed request came to: a status and its entity (a view, or a problem document as JSON
   * text when {@code problem} is set), and whether it is the replay of an earlier answer.
   */
  public record Answer(int status, Object entity, ProblemType problem, boolean replayed) {

    public static Answer accepted(int status, Object view, boolean replayed) {
      return new Answer(status, view, null, replayed);
    }

    public boolean refused() {
      return problem != null;
    }

    public Response response() {
      Response.ResponseBuilder b = Response.status(status).entity(entity);
      if (refused()) {
        b.type(Problems.PROBLEM_JSON);
      }
      if (replayed) {
        b.header(REPLAYED, "true");
      }
      return b.build();
    }
  }

  /** Whether a refusal of this type is kept as the outcome under the key. */
  public static boolean kept(ProblemType type) {
    return type.status() >= 400 && type.status() < 500 && !NOT_KEPT.contains(type);
  }

  /**
   * A keyed request answered exactly once: {@code act} does it (or finds the record an earlier
   * sending made); a refusal kept by an earlier sending is replayed; a failure now is kept as the
   * key's outcome (see {@link #refused}).
   */
  public Answer once(
      IdempotentRequest r, Supplier<Answer> act, Supplier<Optional<Answer>> acceptedUnderLock) {
    try {
      return act.get();
    } catch (org.traza.platform.entity.OutcomeAlreadyKept kept) {
      return replay(kept.outcome(), r);
    } catch (RuntimeException e) {
      return refused(r, e, acceptedUnderLock);
    }
  }

  /** The refusal kept under the key, answered again; 409 when it answered another request. */
  public Answer replay(IdempotentOutcome kept, IdempotentRequest r) {
    if (!kept.answers(r)) {
      throw r.reused("another request");
    }
    request.failedWith(typeOf(kept.body()));
    return new Answer(kept.status(), kept.body(), typeOf(kept.body()), true);
  }

  /**
   * The answer to a keyed request that failed with {@code failure}. A refusal is kept as the
   * outcome under the key (a transaction of its own; the failed one rolled back), unless the key
   * has an outcome already: the refusal kept by an earlier sending, or the record an acceptance
   * made meanwhile ({@code acceptedUnderLock}, run in the keeping transaction: takes the lock the
   * accepting transaction takes, then looks for its record under the key), which is answered
   * instead. Anything else (a failure of the server or the database, a race, the key reused) is
   * thrown as its problem and kept nowhere: the client retries with the same key.
   */
  public Answer refused(
      IdempotentRequest r, RuntimeException failure, Supplier<Optional<Answer>> acceptedUnderLock) {
    ProblemException problem = Problems.classify(failure);
    if (!kept(problem.type())) {
      throw withCause(problem, failure);
    }
    Optional<IdempotentOutcome> earlier;
    try {
      earlier = outcomes.find(r);
    } catch (RuntimeException lookup) {
      failure.addSuppressed(lookup);
      throw withCause(
          new ProblemException(
              ProblemType.DATABASE_UNAVAILABLE,
              "The database cannot be reached; nothing was changed. Try again shortly."),
          failure);
    }
    if (earlier.isPresent()) {
      return replay(earlier.get(), r);
    }
    String body = Problems.json(problem, request.requestId());
    if (body.length() > IdempotentOutcome.BODY_MAX) {
      LOG.log(
          System.Logger.Level.WARNING,
          "refusal of key " + r.key() + " too long to keep (" + body.length() + " chars)");
      throw problem;
    }
    try {
      Optional<Answer> accepted =
          outcomes.keepUnlessAccepted(
              r, problem.type().status(), body, request.actor(), acceptedUnderLock);
      if (accepted.isPresent()) {
        return accepted.get();
      }
    } catch (ProblemException refusedToo) {
      throw refusedToo;
    } catch (RuntimeException keeping) {
      // another sending of the key kept its refusal first (the unique key), or the database failed
      Optional<IdempotentOutcome> winner;
      try {
        winner = outcomes.find(r);
      } catch (RuntimeException lookup) {
        keeping.addSuppressed(lookup);
        throw unknown(keeping);
      }
      if (winner.isPresent()) {
        return replay(winner.get(), r);
      }
      throw unknown(keeping);
    }
    request.failedWith(problem.type());
    return new Answer(problem.type().status(), body, problem.type(), false);
  }

  /** 503 outcome-unknown: the change may or may not be committed; retry with the same key. */
  public static ProblemException unknown(Throwable cause) {
    return withCause(ExceptionMappers.outcomeUnknown(), cause);
  }

  private static ProblemException withCause(ProblemException p, Throwable cause) {
    if (p != cause && p.getCause() == null) {
      p.initCause(cause);
    }
    return p;
  }

  private static ProblemType typeOf(String body) {
    for (ProblemType t : ProblemType.values()) {
      if (body.contains("\"type\":\"" + t.uri() + "\"")) {
        return t;
      }
    }
    return ProblemType.CONFLICT;
  }
}
