package org.traza.platform.entity;

/**
 * Fired (synchronously, inside the transaction that made the change) by every feature for each
 * write and for each read that must be on record. The audit feature observes it; nobody calls
 * audit.
 *
 * @param action what was done: the code of one {@link AuditAction}, never anything else
 * @param targetType the kind of record acted on, e.g. {@code firearm}
 * @param targetId the record's id or natural key; null when the action names no one record
 * @param outcome how it ended
 * @param detail a short description in words (never a password, a token or a class's toString)
 */
public record ActionPerformed(
    String action, String targetType, String targetId, Outcome outcome, String detail) {

  public ActionPerformed {
    if (AuditAction.of(action).isEmpty()) {
      throw new IllegalArgumentException("not in the audit catalogue: " + action);
    }
  }

  /** A successful {@code action} on the record {@code targetId} of the action's target type. */
  public static ActionPerformed of(AuditAction action, Object targetId, String detail) {
    return new ActionPerformed(
        action.code(),
        action.targetType(),
        targetId == null ? null : targetId.toString(),
        Outcome.SUCCESS,
        detail);
  }

  /** {@code action} on a record of another type than the action's usual one. */
  public static ActionPerformed of(
      AuditAction action, String targetType, Object targetId, String detail) {
    return new ActionPerformed(
        action.code(),
        targetType,
        targetId == null ? null : targetId.toString(),
        Outcome.SUCCESS,
        detail);
  }

  /** An {@code action} that did not succeed, and why. */
  public static ActionPerformed refused(
      AuditAction action, Object targetId, Outcome outcome, String detail) {
    return new ActionPerformed(
        action.code(),
        action.targetType(),
        targetId == null ? null : targetId.toString(),
        outcome,
        detail);
  }

  /** How an audited action ended. */
  public enum Outcome {
    SUCCESS,
    REJECTED,
    DENIED,
    FAILED
  }
}
