package org.traza.platform.entity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A question to the audit log, fired synchronously by a feature that cross-checks its own records
 * against what the audit log recorded of them (nobody may call the audit log; it answers events).
 * The audit feature observes it and fills in {@link #answers()}; {@link #answered()} tells a caller
 * that the log was there to answer.
 *
 * <p>It selects successful entries whose action starts with {@code actionPrefix} and whose target
 * type is {@code targetType}: either those about the given target ids, or, a page at a time, those
 * after entry id {@code afterEntryId}. With {@code upTo}, only entries at or below the given
 * position of their chain (chain number to position) are answered: what a checkpoint covered.
 */
public final class AuditQuery {

  /** One audit entry as a cross-check needs it. */
  public record Recorded(long entryId, int chain, long position, String targetId, String detail) {}

  private final String actionPrefix;
  private final String targetType;
  private final Collection<String> targetIds;
  private final long afterEntryId;
  private final int limit;
  private final Map<Integer, Long> upTo;
  private final List<Recorded> answers = new ArrayList<>();
  private boolean answered;

  private AuditQuery(
      String actionPrefix,
      String targetType,
      Collection<String> targetIds,
      long afterEntryId,
      int limit,
      Map<Integer, Long> upTo) {
    this.actionPrefix = actionPrefix;
    this.targetType = targetType;
    this.targetIds = targetIds;
    this.afterEntryId = afterEntryId;
    this.limit = limit;
    this.upTo = upTo;
  }

  /** The entries about {@code targetIds}, in entry id order. */
  public static AuditQuery about(
      String actionPrefix, String targetType, Collection<String> targetIds) {
    return new AuditQuery(actionPrefix, targetType, List.copyOf(targetIds), 0, 0, null);
  }

  /** The next {@code limit} entries after entry id {@code afterEntryId}, in entry id order. */
  public static AuditQuery page(
      String actionPrefix, String targetType, long afterEntryId, int limit) {
    return new AuditQuery(actionPrefix, targetType, null, afterEntryId, limit, null);
  }

  /** The same question, limited to the entries at or below {@code upTo} in their chains. */
  public AuditQuery within(Map<Integer, Long> upTo) {
    return new AuditQuery(
        actionPrefix, targetType, targetIds, afterEntryId, limit, Map.copyOf(upTo));
  }

  public String actionPrefix() {
    return actionPrefix;
  }

  public String targetType() {
    return targetType;
  }

  /** The targets asked about; null when paging through every target. */
  public Collection<String> targetIds() {
    return targetIds;
  }

  public long afterEntryId() {
    return afterEntryId;
  }

  public int limit() {
    return limit;
  }

  /** Chain number to the last position covered; null for the whole log. */
  public Map<Integer, Long> upTo() {
    return upTo;
  }

  /** Called by the audit log with what it found. */
  public void answer(List<Recorded> found) {
    answers.addAll(found);
    answered = true;
  }

  public boolean answered() {
    return answered;
  }

  public List<Recorded> answers() {
    return Collections.unmodifiableList(answers);
  }
}
