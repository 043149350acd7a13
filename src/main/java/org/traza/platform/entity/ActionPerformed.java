package org.traza.platform.entity;

/**
 * Fired (synchronously, inside the transaction that made the change) by every feature for each
 * write and for each read that must be on record. The audit feature observes it; nobody calls
 * audit.
 *
 * @param action what was done, upper case verb and object, e.g. {@code FIREARM_REGISTERED}
 * @param targetType the kind of record acted on, e.g. {@code FIREARM}
 * @param targetId the record's id or natural key
 * @param outcome how it ended
 * @param detail a short, safe description (never a password or token)
 */
public record ActionPerformed(
    String action, String targetType, String targetId, Outcome outcome, String detail) {

  public static ActionPerformed success(
      String action, String targetType, Object targetId, String detail) {
    return new ActionPerformed(
        action, targetType, String.valueOf(targetId), Outcome.SUCCESS, detail);
  }

  /** How an audited action ended. */
  public enum Outcome {
    SUCCESS,
    REJECTED,
    DENIED,
    FAILED
  }
}
