package org.traza.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.JsonbException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;

class ExceptionMappersTest {

  @Test
  void finds_our_own_problem_however_deeply_it_is_wrapped() {
    ProblemException p = ProblemException.invalid("serialNumber", "bad");
    Throwable wrapped = new RuntimeException(new IllegalStateException(p));
    assertThat(ExceptionMappers.classify(wrapped)).isSameAs(p);
  }

  @Test
  void a_lost_database_is_503_and_says_nothing_changed() {
    Throwable lost =
        new RuntimeException(
            "Error in allocating a connection",
            new SQLTransientConnectionException("Connection refused", "08001"));
    ProblemException p = ExceptionMappers.classify(lost);
    assertThat(p.type()).isEqualTo(ProblemType.DATABASE_UNAVAILABLE);
    assertThat(p.getMessage()).contains("nothing was changed").doesNotContain("refused");
  }

  @Test
  void a_unique_key_race_at_commit_is_a_409() {
    Throwable race =
        new RuntimeException(
            new SQLIntegrityConstraintViolationException(
                "Duplicate entry 'x' for key 'uk_firearm'", "23000"));
    assertThat(ExceptionMappers.classify(race).type()).isEqualTo(ProblemType.CONFLICT);
    assertThat(ExceptionMappers.classify(race).getMessage())
        .doesNotContain("uk_firearm", "Duplicate entry");
  }

  @Test
  void a_connection_lost_during_the_commit_is_an_unknown_outcome_not_nothing_changed() {
    // as Payara's @Transactional interceptor reports a COMMIT whose connection dropped
    Throwable atCommit =
        new jakarta.transaction.TransactionalException(
            "Managed bean with Transactional annotation and TxType of REQUIRED encountered"
                + " exception during commit jakarta.transaction.SystemException",
            new jakarta.transaction.SystemException("XAException"));
    atCommit.getCause().initCause(new SQLNonTransientConnectionException("Socket error", "08000"));
    ProblemException p = ExceptionMappers.classify(atCommit);
    assertThat(p.type()).isEqualTo(ProblemType.OUTCOME_UNKNOWN);
    assertThat(p.type().status()).isEqualTo(503);
    assertThat(p.extensions()).containsEntry(ProblemException.RETRY_AFTER_SECONDS, 5);
    assertThat(p.getMessage()).contains("same idempotency key").doesNotContain("Socket");
  }

  @Test
  void a_rollback_at_commit_for_a_unique_key_changed_nothing_and_stays_a_conflict() {
    Throwable rolledBack =
        new jakarta.transaction.TransactionalException(
            "encountered exception during commit",
            new jakarta.transaction.RollbackException("rolled back"));
    rolledBack
        .getCause()
        .initCause(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000"));
    assertThat(ExceptionMappers.classify(rolledBack).type()).isEqualTo(ProblemType.CONFLICT);
  }

  @Test
  void a_rollback_at_commit_because_the_connection_was_lost_is_an_unknown_outcome() {
    Throwable rolledBack = new jakarta.transaction.RollbackException("rolled back");
    rolledBack.initCause(new SQLNonTransientConnectionException("Connection is closed", "08003"));
    assertThat(ExceptionMappers.classify(new RuntimeException(rolledBack)).type())
        .isEqualTo(ProblemType.OUTCOME_UNKNOWN);
  }

  @Test
  void json_binding_failures_are_malformed_bodies() {
    assertThat(
            ExceptionMappers.classify(new JsonbException("Unexpected char 39 at (line no=1)"))
                .type())
        .isEqualTo(ProblemType.MALFORMED_BODY);
  }

  @Test
  void an_unexpected_failure_reveals_nothing_of_itself() {
    ProblemException p =
        ExceptionMappers.classify(new NullPointerException("org.traza.secret.Thing.field is null"));
    assertThat(p.type()).isEqualTo(ProblemType.INTERNAL_ERROR);
    assertThat(p.getMessage()).doesNotContain("org.traza", "null");
  }

  @Test
  void problem_types_have_distinct_slugs() {
    assertThat(new HashSet<>(Arrays.stream(ProblemType.values()).map(ProblemType::slug).toList()))
        .hasSize(ProblemType.values().length);
    assertThat(ProblemType.forStatus(413)).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE);
  }
}
