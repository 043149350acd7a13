package org.traza.platform.entity;

/**
 * Thrown inside a transaction that was about to act on a request whose key already has an outcome
 * (a refusal kept earlier): the transaction rolls back and the kept outcome is answered instead.
 */
public class OutcomeAlreadyKept extends RuntimeException {

  private final transient IdempotentOutcome outcome;

  public OutcomeAlreadyKept(IdempotentOutcome outcome) {
    super("idempotency key " + outcome.idempotencyKey() + " has an outcome", null, false, false);
    this.outcome = outcome;
  }

  public IdempotentOutcome outcome() {
    return outcome;
  }
}
